namespace MeshActors.Configuration.Hocon;

/// <summary>
/// An explicit <c>null</c>. A field set to null exists (it hides environment variables and stops
/// object merging); it is not the same as a missing field.
/// </summary>
public sealed class HoconNull : HoconValue
{
    internal HoconNull(HoconOrigin origin)
        : base(origin)
    {
    }

    internal override string? ConcatenationText => "null";

    internal override string TypeName => "null";

    /// <summary>Returns <c>null</c>.</summary>
    public override string ToString() => "null";
}
