namespace MeshActors.Discovery.Mdns;

/// <summary>What the advertising loop does next, as <see cref="MdnsProber.Poll"/> decides it.</summary>
/// <param name="Kind">The action.</param>
/// <param name="Until">For <see cref="MdnsStepKind.Wait"/>: when to poll again.</param>
internal readonly record struct MdnsStep(MdnsStepKind Kind, DateTimeOffset Until = default)
{
    /// <summary>Nothing to do until a received message changes the state.</summary>
    public static readonly MdnsStep Idle = new(MdnsStepKind.Idle);
}

/// <summary>The actions of the advertising loop.</summary>
internal enum MdnsStepKind
{
    /// <summary>Poll again at <see cref="MdnsStep.Until"/> (or when a message changes the state).</summary>
    Wait,

    /// <summary>Send a probe query asking for unicast replies (QU, the first probe of a series).</summary>
    ProbeUnicast,

    /// <summary>Send a probe query asking for multicast replies (QM).</summary>
    Probe,

    /// <summary>Send the unsolicited announcement of the probed records.</summary>
    Announce,

    /// <summary>Probing and announcing are done; answer queries.</summary>
    Idle,
}
