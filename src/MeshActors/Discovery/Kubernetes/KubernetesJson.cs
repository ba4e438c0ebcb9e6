using System.Text.Json;

namespace MeshActors.Discovery.Kubernetes;

/// <summary>Lenient reads of Kubernetes API objects: a missing or mistyped field reads as absent.</summary>
internal static class KubernetesJson
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 64 };

    /// <summary>Parses a list object (<c>{"items": [...]}</c>).</summary>
    /// <exception cref="FormatException">Not JSON, or no <c>items</c> array.</exception>
    public static JsonDocument ParseList(string json, string kind)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, Options);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"the answer is not JSON ({ex.Message})", ex);
        }

        if (document.RootElement.ValueKind != JsonValueKind.Object ||
            !document.RootElement.TryGetProperty("items", out var items) ||
            items.ValueKind is not (JsonValueKind.Array or JsonValueKind.Null))
        {
            document.Dispose();
            throw new FormatException($"the answer is not a {kind} (no \"items\" list)");
        }

        return document;
    }

    /// <summary>The named child, or an undefined element.</summary>
    public static JsonElement Child(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var child) ? child : default;

    /// <summary>The named string child, or null.</summary>
    public static string? Text(JsonElement parent, string name) =>
        Child(parent, name) is { ValueKind: JsonValueKind.String } s ? s.GetString() : null;

    /// <summary>The elements of the named array child; none when absent.</summary>
    public static IEnumerable<JsonElement> Items(JsonElement parent, string name) =>
        Child(parent, name) is { ValueKind: JsonValueKind.Array } array ? array.EnumerateArray() : [];

    /// <summary>The named child as a TCP port (1–65535), or null.</summary>
    public static int? Port(JsonElement parent, string name) =>
        Child(parent, name) is { ValueKind: JsonValueKind.Number } n && n.TryGetInt32(out var port) && port is > 0 and <= 65535 ? port : null;
}
