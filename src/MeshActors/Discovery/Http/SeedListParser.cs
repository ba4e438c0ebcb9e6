using System.Text.Json;
using MeshActors.Discovery;

namespace MeshActors.Discovery.Http;

/// <summary>Reads a rendezvous answer: <c>["host:port", …]</c> or <c>{"seeds": ["host:port", …]}</c>.
/// Any bad entry rejects the whole answer, naming the entry and its index, so a broken server is
/// noticed rather than half-used.</summary>
internal static class SeedListParser
{
    private const int MaxSeeds = 10_000;

    /// <summary>Parses <paramref name="json"/>.</summary>
    /// <exception cref="FormatException">The answer is not such a list, or an entry is not host:port.</exception>
    public static List<NodeAddress> Parse(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException ex)
        {
            throw new FormatException($"the answer is not JSON ({ex.Message})", ex);
        }

        using (document)
        {
            var list = document.RootElement switch
            {
                { ValueKind: JsonValueKind.Array } array => array,
                { ValueKind: JsonValueKind.Object } obj when obj.TryGetProperty("seeds", out var seeds) && seeds.ValueKind == JsonValueKind.Array => seeds,
                _ => throw new FormatException("the answer is neither a list of \"host:port\" strings nor an object {\"seeds\": [...]}"),
            };
            if (list.GetArrayLength() > MaxSeeds)
            {
                throw new FormatException($"the answer lists {list.GetArrayLength()} seeds, more than {MaxSeeds}");
            }

            var addresses = new List<NodeAddress>();
            var index = 0;
            foreach (var entry in list.EnumerateArray())
            {
                if (entry.ValueKind != JsonValueKind.String)
                {
                    throw new FormatException($"entry {index} ({Shorten(entry.GetRawText())}) is not a \"host:port\" string");
                }

                if (!NodeAddress.TryParse(entry.GetString(), out var address, out var error))
                {
                    throw new FormatException($"entry {index} (\"{Shorten(entry.GetString()!)}\") is not host:port: {error}");
                }

                addresses.Add(address);
                index++;
            }

            return addresses;
        }
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "…";
}
