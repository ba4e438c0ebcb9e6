using System.Globalization;
using System.Text.Json;
using MeshActors.Configuration.Hocon;

namespace MeshActors.Tests.Configuration.Hocon;

/// <summary>
/// Structural comparison of a resolved HOCON tree with a JSON document read by System.Text.Json:
/// objects as unordered key sets, arrays in order, numbers by value, strings by ordinal text, and a
/// string never equal to a number or boolean.
/// </summary>
internal static class HoconTreeAssert
{
    public static void Equivalent(HoconValue actual, JsonElement expected, string path = "$")
    {
        var difference = FindDifference(actual, expected, path);
        difference.Should().BeNull();
    }

    public static void EquivalentToJson(HoconValue actual, string expectedJson)
    {
        using var document = JsonDocument.Parse(expectedJson);
        Equivalent(actual, document.RootElement);
    }

    public static string? FindDifference(HoconValue actual, JsonElement expected, string path)
    {
        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                if (actual is not HoconObject obj)
                {
                    return $"{path}: expected an object but found {actual.ToJson()}";
                }

                var expectedKeys = expected.EnumerateObject().Select(p => p.Name).OrderBy(k => k, StringComparer.Ordinal).ToList();
                var actualKeys = obj.Keys.OrderBy(k => k, StringComparer.Ordinal).ToList();
                if (!expectedKeys.SequenceEqual(actualKeys))
                {
                    return $"{path}: expected keys [{string.Join(", ", expectedKeys)}] but found [{string.Join(", ", actualKeys)}]";
                }

                return expected.EnumerateObject()
                    .Select(p => FindDifference(obj[p.Name], p.Value, $"{path}.{p.Name}"))
                    .FirstOrDefault(d => d is not null);
            case JsonValueKind.Array:
                if (actual is not HoconArray array || array.Count != expected.GetArrayLength())
                {
                    return $"{path}: expected {expected.GetRawText()} but found {actual.ToJson()}";
                }

                return expected.EnumerateArray()
                    .Select((item, i) => FindDifference(array[i], item, $"{path}[{i}]"))
                    .FirstOrDefault(d => d is not null);
            case JsonValueKind.String:
                return actual is HoconString s && s.Value == expected.GetString()
                    ? null
                    : $"{path}: expected the string {expected.GetRawText()} but found {actual.ToJson()}";
            case JsonValueKind.Number:
                return actual is HoconNumber n && n.ToDouble() == expected.GetDouble()
                    ? null
                    : $"{path}: expected the number {expected.GetRawText()} but found {actual.ToJson()}";
            case JsonValueKind.True or JsonValueKind.False:
                return actual is HoconBoolean b && b.Value == expected.GetBoolean()
                    ? null
                    : $"{path}: expected {expected.GetRawText()} but found {actual.ToJson()}";
            default:
                return actual is HoconNull ? null : $"{path}: expected null but found {actual.ToJson()}";
        }
    }

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
