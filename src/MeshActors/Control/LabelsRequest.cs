using System.Text.Json;
using MeshActors.Configuration;
using Microsoft.AspNetCore.Http;

namespace MeshActors.Control;

/// <summary>Reads <c>{"labels": {"name": "value", …}}</c>, naming the field at fault when it is not that.</summary>
internal static class LabelsRequest
{
    public const int MaxLabels = 64;

    public static async Task<(IReadOnlyDictionary<string, string>? Labels, string? Error)> ReadAsync(HttpRequest request)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException ex)
        {
            return (null, $"the body is not JSON ({ex.Message}); send {{\"labels\": {{\"team\": \"payments\"}}}}");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("labels", out var labels) || labels.ValueKind != JsonValueKind.Object)
            {
                return (null, "field 'labels' must be an object of name: \"value\", e.g. {\"labels\": {\"team\": \"payments\"}}");
            }

            var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
            foreach (var label in labels.EnumerateObject())
            {
                if (label.Value.ValueKind != JsonValueKind.String)
                {
                    return (null, $"field 'labels.{label.Name}' must be a string");
                }

                if (!ConfigReader.IsIdentifier(label.Name))
                {
                    return (null, $"field 'labels.{label.Name}': a label name is letters, digits, '-', '_' and '.', at most 64 characters");
                }

                result[label.Name] = label.Value.GetString()!;
            }

            return result.Count > MaxLabels ? (null, $"field 'labels' has {result.Count} labels; at most {MaxLabels}") : (result, null);
        }
    }
}
