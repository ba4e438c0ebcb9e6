namespace MeshActors.Configuration.Hocon.Tree;

/// <summary>The error shared by parse-time and resolve-time value concatenation.</summary>
internal static class ConcatenationRules
{
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
