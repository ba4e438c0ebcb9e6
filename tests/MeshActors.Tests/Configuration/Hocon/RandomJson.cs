using System.Text.Json;
using System.Text.Json.Nodes;

namespace MeshActors.Tests.Configuration.Hocon;

/// <summary>Builds random JSON documents (unique keys, awkward strings, assorted numbers) from random choices.</summary>
internal static class RandomJson
{
    private static readonly string[] Words =
        ["a", "b.c", "", " ", "include", "${x}", "#", "//", "\"q\"", "\\", "\u00e9\u4e2d", "\ud83d\ude00", "tab\t", "line\nbreak", "true", "null", "1"];

    private static readonly string[] Numbers = ["0", "-1", "42", "3.25", "1e5", "-2.5E-3", "123456789012"];

    public static string Document(int[] choices)
    {
        var index = 0;
        int Next(int bound) => choices.Length == 0 ? 0 : choices[index++ % choices.Length] % bound;

        JsonNode? Value(int depth)
        {
            switch (depth > 3 ? 2 + Next(4) : Next(6))
            {
                case 0:
                    var obj = new JsonObject();
                    var count = Next(4);
                    for (var i = 0; i < count; i++)
                    {
                        obj[Words[Next(Words.Length)] + i] = Value(depth + 1);
                    }

                    return obj;
                case 1:
                    var array = new JsonArray();
                    var length = Next(4);
                    for (var i = 0; i < length; i++)
                    {
                        array.Add(Value(depth + 1));
                    }

                    return array;
                case 2:
                    return JsonValue.Create(Words[Next(Words.Length)] + Words[Next(Words.Length)]);
                case 3:
                    return JsonNode.Parse(Numbers[Next(Numbers.Length)]);
                case 4:
                    return JsonValue.Create(Next(2) == 0);
                default:
                    return null;
            }
        }

        var root = new JsonObject();
        var fields = Next(5);
        for (var i = 0; i < fields; i++)
        {
            root[Words[Next(Words.Length)] + i] = Value(1);
        }

        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = Next(2) == 0 });
    }
}
