namespace MeshActors.Discovery.Mdns;

/// <summary>What a received message did to the prober, for the log.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="Previous">The instance name before (renamed) or the name in question.</param>
/// <param name="Current">The instance name now.</param>
/// <param name="Delay">How long until the next probe.</param>
internal readonly record struct MdnsProbeOutcome(MdnsProbeOutcomeKind Kind, string Previous = "", string Current = "", TimeSpan Delay = default)
{
    /// <summary>The message changed nothing.</summary>
    public static readonly MdnsProbeOutcome None = new(MdnsProbeOutcomeKind.None);
}

/// <summary>The kinds of <see cref="MdnsProbeOutcome"/>.</summary>
internal enum MdnsProbeOutcomeKind
{
    /// <summary>Nothing changed.</summary>
    None,

    /// <summary>A name being probed is taken (§8.1): renamed, probing again.</summary>
    Renamed,

    /// <summary>A simultaneous probe won the tie-break (§8.2): probing again in a second, same names.</summary>
    Deferred,

    /// <summary>A record this node owns was contradicted (§9): probing the same names again.</summary>
    Reprobing,
}
