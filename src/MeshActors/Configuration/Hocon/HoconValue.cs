namespace MeshActors.Configuration.Hocon;

/// <summary>
/// A resolved HOCON value: an object, array, string, number, boolean or null. Resolved trees hold
/// no substitutions, includes or concatenations; those are gone once a document is resolved.
/// </summary>
public abstract class HoconValue
{
    private protected HoconValue(HoconOrigin origin)
    {
        ArgumentNullException.ThrowIfNull(origin);
        Origin = origin;
    }

    /// <summary>Where the value was written (origin name, line, column).</summary>
    public HoconOrigin Origin { get; }

    /// <summary>
    /// Writes the value as JSON: numbers as numbers (with their original text), object keys in
    /// their original order, non-ASCII text unescaped (fine for JSON, not for embedding in HTML).
    /// </summary>
    /// <param name="indented">Whether to indent the output for reading.</param>
    public string ToJson(bool indented = false) => HoconJson.ToJsonString(this, indented);

    /// <summary>
    /// The text this value contributes to a string concatenation, or <c>null</c> for objects and
    /// arrays, which cannot take part in one.
    /// </summary>
    internal abstract string? ConcatenationText { get; }

    /// <summary>A short name of the value's type for error messages ("string", "object", ...).</summary>
    internal abstract string TypeName { get; }

    /// <summary>How many containers deep the value nests; 0 for simple values.</summary>
    internal virtual int Depth => 0;
}
