namespace MeshActors.Configuration.Hocon;

/// <summary>The value <c>true</c> or <c>false</c>.</summary>
public sealed class HoconBoolean : HoconValue
{
    internal HoconBoolean(bool value, HoconOrigin origin)
        : base(origin)
    {
        Value = value;
    }

    /// <summary>The boolean.</summary>
    public bool Value { get; }

    internal override string? ConcatenationText => Value ? "true" : "false";

    internal override string TypeName => "boolean";

    /// <summary>Returns <c>true</c> or <c>false</c>.</summary>
    public override string ToString() => Value ? "true" : "false";
}
