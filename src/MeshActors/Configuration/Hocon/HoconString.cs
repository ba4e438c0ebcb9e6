namespace MeshActors.Configuration.Hocon;

/// <summary>A string value, whether it was written quoted, unquoted, triple-quoted or concatenated.</summary>
public sealed class HoconString : HoconValue
{
    internal HoconString(string value, HoconOrigin origin)
        : base(origin)
    {
        Value = value;
    }

    /// <summary>The string's characters, with escapes already decoded.</summary>
    public string Value { get; }

    internal override string? ConcatenationText => Value;

    internal override string TypeName => "string";

    /// <summary>Returns the string itself.</summary>
    public override string ToString() => Value;
}
