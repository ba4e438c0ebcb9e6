namespace MeshActors.Transport;

/// <summary>The wire-protocol versions a node speaks. Two nodes talk at the highest version both
/// speak, so a cluster can run version N and N−1 side by side during an upgrade.</summary>
/// <param name="Min">Oldest version spoken.</param>
/// <param name="Max">Newest version spoken.</param>
public readonly record struct ProtocolRange(uint Min, uint Max)
{
    /// <summary>The versions this build speaks. Version 1: envelopes, Hello, Probe.</summary>
    public static ProtocolRange Supported { get; } = new(1, 1);

    /// <summary>The highest version in both ranges, or null when they do not overlap.</summary>
    public uint? Negotiate(ProtocolRange other)
    {
        var high = Math.Min(Max, other.Max);
        return high >= Math.Max(Min, other.Min) && Min <= Max && other.Min <= other.Max ? high : null;
    }

    /// <inheritdoc />
    public override string ToString() => Min == Max ? $"v{Min}" : $"v{Min}–v{Max}";
}
