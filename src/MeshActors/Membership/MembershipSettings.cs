namespace MeshActors.Membership;

/// <summary>
/// The knobs of SWIM with Lifeguard, as one profile of <c>meshactors.membership.profiles</c>
/// resolves them. Each is documented, with its formula and trade-off, in <c>hocon/reference.conf</c>;
/// the derived values (retransmit limit, suspicion timeouts, push-pull interval) come from
/// <see cref="SwimFormulas"/>.
/// </summary>
public sealed record MembershipSettings
{
    /// <summary>The settings of profile <paramref name="name"/> (local, lan, wan) as reference.conf defines them.</summary>
    /// <exception cref="Configuration.ConfigValidationException">No profile has that name.</exception>
    public static MembershipSettings FromProfile(string name) =>
        Configuration.MeshConfigLoader.Load(new Configuration.ConfigSources { Overrides = [$"meshactors.membership.profile = \"{name}\""] }).Options.Membership.Settings;

    /// <summary>Time between probes of one member each (before Lifeguard's health scaling).</summary>
    public required TimeSpan ProbeInterval { get; init; }

    /// <summary>How long a direct ping waits for its ack before indirect probes start.</summary>
    public required TimeSpan ProbeTimeout { get; init; }

    /// <summary>How many members ping a target on this node's behalf when the direct ping fails (k).</summary>
    public required int IndirectChecks { get; init; }

    /// <summary>Scales the least suspicion timeout and the confirmations Lifeguard expects.</summary>
    public required int SuspicionMult { get; init; }

    /// <summary>The longest suspicion timeout, as a multiple of the least.</summary>
    public required int SuspicionMaxTimeoutMult { get; init; }

    /// <summary>Scales how many times an update is piggybacked (times ⌈log10(N+1)⌉).</summary>
    public required int RetransmitMult { get; init; }

    /// <summary>Time between gossip rounds.</summary>
    public required TimeSpan GossipInterval { get; init; }

    /// <summary>Members sent pending updates each gossip round.</summary>
    public required int GossipNodes { get; init; }

    /// <summary>How long a dead member still receives gossip, so a wrongly declared member learns it and refutes.</summary>
    public required TimeSpan GossipToTheDead { get; init; }

    /// <summary>Base time between full-state exchanges with a random member (scaled with N).</summary>
    public required TimeSpan PushPullInterval { get; init; }

    /// <summary>The most Lifeguard stretches this node's probe interval and timeout (multiplier).</summary>
    public required int AwarenessMaxMultiplier { get; init; }

    /// <summary>How long dead and left members are kept as tombstones before they are removed.</summary>
    public required TimeSpan TombstoneTtl { get; init; }

    /// <summary>The most bytes of updates piggybacked on one ping, ack or gossip message.</summary>
    public required int MaxPiggybackBytes { get; init; }

    /// <summary>Time between join attempts while no seed has answered.</summary>
    public required TimeSpan JoinRetryInterval { get; init; }

    /// <summary>How long a graceful leave waits for members to acknowledge the notice.</summary>
    public required TimeSpan LeaveTimeout { get; init; }
}
