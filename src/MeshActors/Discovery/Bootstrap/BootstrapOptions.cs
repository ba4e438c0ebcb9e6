using MeshActors.Configuration;

namespace MeshActors.Discovery.Bootstrap;

/// <summary><c>meshactors.discovery.bootstrap</c>: how a node decides whom to join, so that a
/// fleet starting at once forms exactly one cluster.</summary>
public sealed record BootstrapOptions
{
    /// <summary><c>required-contact-points</c>: how many nodes (this one included) must be seen before a new cluster may be formed.</summary>
    public required int RequiredContactPoints { get; init; }

    /// <summary><c>stable-margin</c>: how long the set of seen contact points must stay unchanged before the lowest address forms a cluster.</summary>
    public required TimeSpan StableMargin { get; init; }

    /// <summary><c>probe-interval</c>: how often contact points are probed while not yet joined.</summary>
    public required TimeSpan ProbeInterval { get; init; }

    /// <summary><c>probe-timeout</c>: how long one probe may take.</summary>
    public required TimeSpan ProbeTimeout { get; init; }

    /// <summary><c>probe-jitter</c>: each dial waits a random part of this, so a fleet does not dial in lock-step.</summary>
    public required TimeSpan ProbeJitter { get; init; }

    /// <summary><c>backoff.min</c>: the wait before re-dialling an address after its first failed probe.</summary>
    public required TimeSpan BackoffMin { get; init; }

    /// <summary><c>backoff.max</c>: the longest wait before re-dialling an address that keeps failing.</summary>
    public required TimeSpan BackoffMax { get; init; }

    /// <summary><c>enough-peers</c>: once this many contact points answer that they are in a cluster, dialling stops and the node joins through them.</summary>
    public required int EnoughPeers { get; init; }

    /// <summary><c>form-new-cluster</c>: whether this node may form a new cluster at all (false: only join an existing one).</summary>
    public required bool FormNewCluster { get; init; }

    /// <summary><c>heal-interval</c>: once joined, how often contact points are checked for members this node does not know (a partition that outlived the tombstones).</summary>
    public required TimeSpan HealInterval { get; init; }

    internal static BootstrapOptions Bind(ConfigReader r)
    {
        const string p = "meshactors.discovery.bootstrap.";
        const string d = "set a duration such as ";
        var options = new BootstrapOptions
        {
            RequiredContactPoints = (int)r.Long(p + "required-contact-points", 1, 1000, "set a whole number such as 2 (the smallest fleet you start)"),
            StableMargin = r.Duration(p + "stable-margin", TimeSpan.Zero, TimeSpan.FromHours(1), d + "3s"),
            ProbeInterval = r.Duration(p + "probe-interval", TimeSpan.FromMilliseconds(10), TimeSpan.FromMinutes(10), d + "500ms"),
            ProbeTimeout = r.Duration(p + "probe-timeout", TimeSpan.FromMilliseconds(10), TimeSpan.FromMinutes(10), d + "2s"),
            ProbeJitter = r.Duration(p + "probe-jitter", TimeSpan.Zero, TimeSpan.FromMinutes(1), d + "100ms"),
            BackoffMin = r.Duration(p + "backoff.min", TimeSpan.FromMilliseconds(1), TimeSpan.FromHours(1), d + "200ms"),
            BackoffMax = r.Duration(p + "backoff.max", TimeSpan.FromMilliseconds(1), TimeSpan.FromDays(1), d + "10s"),
            EnoughPeers = (int)r.Long(p + "enough-peers", 1, 1000, "set a whole number such as 3"),
            FormNewCluster = r.Bool(p + "form-new-cluster", "set true or false"),
            HealInterval = r.Duration(p + "heal-interval", TimeSpan.FromMilliseconds(100), TimeSpan.FromDays(1), d + "30s"),
        };
        if (options.BackoffMin > options.BackoffMax)
        {
            r.Add(p + "backoff.min", $"{options.BackoffMin} is above backoff.max ({options.BackoffMax})", "make backoff.min at most backoff.max");
        }

        return options;
    }
}
