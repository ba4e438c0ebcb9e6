using System.Globalization;

namespace MeshActors.Configuration.Hocon.Tree;

/// <summary>Rules shared by parse-time and resolve-time value concatenation.</summary>
internal static class ConcatenationRules
{
    /// <summary>
    /// The spec's conversion of a numerically-indexed object to an array, done where an array is
    /// expected in a concatenation (as <c>foo.0 = a, foo.1 = b</c> from a properties file): the keys
    /// that are non-negative integers, in numeric order; other keys are ignored. Returns null when
    /// no key is numeric, so the object stays an object.
    /// </summary>
    public static List<T>? NumericallyIndexed<T>(IEnumerable<KeyValuePair<string, T>> fields)
    {
        var indexed = new List<(long Index, T Value)>();
        foreach (var (key, value) in fields)
        {
            if (long.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                indexed.Add((index, value));
            }
        }

        return indexed.Count == 0 ? null : indexed.OrderBy(pair => pair.Index).Select(pair => pair.Value).ToList();
    }

    public static HoconException Mismatch(HoconOrigin at, string firstType, string otherType) =>
        new(at, $"cannot concatenate {Article(firstType)} with {Article(otherType)}; a concatenation joins only strings and other simple values, only arrays, or only objects");

    /// <summary>Strings, numbers, booleans and null all join as text; arrays and objects only with their own kind.</summary>
    public static string Category(string typeName) => typeName is "array" or "object" ? typeName : "simple";

    private static string Article(string typeName) => typeName switch
    {
        "array" or "object" => "an " + typeName,
        "null" => "null",
        _ => "a " + typeName,
    };
}
