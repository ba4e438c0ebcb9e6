using System.Text.Json;
using Akka.Configuration.Hocon;

namespace MeshActors.Configuration;

/// <summary>
/// Writes an Akka HOCON tree as JSON, which is also valid HOCON. Used to print resolved settings
/// and to carry an application's <c>Config</c> into the layered text faithfully (Akka's own
/// <c>Config.ToString()</c> drops quotes, so keys with dots and strings with quotes do not survive).
/// Scalars are written as strings: Akka reads numbers, booleans and durations from strings too.
/// </summary>
public static class HoconJson
{
    /// <summary>Writes <paramref name="value"/>; <paramref name="include"/> (given each leaf's path
    /// below <paramref name="path"/>) can leave leaves out.</summary>
    public static void Write(Utf8JsonWriter writer, HoconValue value, string path = "", Func<string, bool>? include = null)
    {
        if (value.IsObject())
        {
            writer.WriteStartObject();
            foreach (var (key, child) in value.GetObject().Items)
            {
                var childPath = path.Length == 0 ? key : path + "." + (key.Contains('.') ? "\"" + key + "\"" : key);
                if (include is null || (IsLeaf(child) ? include(childPath) : AnyLeafIncluded(child, childPath, include)))
                {
                    writer.WritePropertyName(key);
                    Write(writer, child, childPath, include);
                }
            }

            writer.WriteEndObject();
        }
        else if (value.IsArray())
        {
            writer.WriteStartArray();
            foreach (var item in value.GetArray())
            {
                Write(writer, item, path, include: null);
            }

            writer.WriteEndArray();
        }
        else if (!value.IsString())
        {
            // Akka's parser reports an empty list [] as neither a list, nor a string, nor an object.
            writer.WriteStartArray();
            writer.WriteEndArray();
        }
        else if (value.GetString() is { } text)
        {
            writer.WriteStringValue(text);
        }
        else
        {
            writer.WriteNullValue();
        }
    }

    /// <summary><paramref name="value"/> as one JSON (and HOCON) text.</summary>
    public static string ToText(HoconValue value, bool indented = false)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented }))
        {
            Write(writer, value);
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static bool IsLeaf(HoconValue value) => !value.IsObject() || value.GetObject().Items.Count == 0;

    private static bool AnyLeafIncluded(HoconValue value, string path, Func<string, bool> include) =>
        value.GetObject().Items.Any(item =>
        {
            var childPath = path + "." + (item.Key.Contains('.') ? "\"" + item.Key + "\"" : item.Key);
            return IsLeaf(item.Value) ? include(childPath) : AnyLeafIncluded(item.Value, childPath, include);
        });
}
