using MeshActors.Configuration;

namespace MeshActors.Views.Overlay;

/// <summary><c>meshactors.overlay</c>: the HyParView views, peer exchange, scoring and limits.
/// Every setting is documented in <c>hocon/reference.conf</c>.</summary>
public sealed record OverlayOptions
{
    /// <summary><c>enabled</c>: run the view manager (and with it the event plane).</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>The HyParView sizes, walk lengths and shuffle period.</summary>
    public HyParViewOptions Views { get; init; } = HyParViewOptions.Default;

    /// <summary><c>ping-interval</c>: how often each active neighbour is pinged (round trip and liveness).</summary>
    public TimeSpan PingInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary><c>ping-timeout</c>: a neighbour, or a neighbour/join request, unanswered this long has failed.</summary>
    public TimeSpan PingTimeout { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary><c>join-retry</c>: while this node has no neighbour, how often it joins again through a contact.</summary>
    public TimeSpan JoinRetry { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary><c>pex.on-join</c>: peers asked from the contact right after joining.</summary>
    public int PexOnJoin { get; init; } = 16;

    /// <summary><c>pex</c>: what a peer-exchange answer carries and how often one requester is answered.</summary>
    public Pex.PexOptions Pex { get; init; } = global::MeshActors.Views.Pex.PexOptions.Default;

    /// <summary><c>scoring</c>: how round trips, successes, errors and timeouts move a peer's score, and bans.</summary>
    public Scoring.ScoringOptions Scoring { get; init; } = global::MeshActors.Views.Scoring.ScoringOptions.Default;

    /// <summary><c>max-per-subnet</c>, <c>subnet-exempt</c>, <c>inbound-per-second</c>, <c>inbound-burst</c>.</summary>
    public Limits.LimitOptions Limits { get; init; } = global::MeshActors.Views.Limits.LimitOptions.Default;

    /// <summary><c>max-peers</c>: active links kept at most; above it the lowest-scored are pruned.</summary>
    public int MaxPeers { get; init; } = 10;

    internal static OverlayOptions Bind(ConfigReader r)
    {
        const string p = "meshactors.overlay.";
        var views = new HyParViewOptions
        {
            ActiveTarget = (int)r.Long(p + "active-target", 1, 64, "set 1 to 64; the paper's log(n) + c, 6 by default"),
            ActiveLow = (int)r.Long(p + "active-low", 1, 64, "set 1 to active-target, 4 by default"),
            ActiveHigh = (int)r.Long(p + "active-high", 1, 64, "set active-target to 64, 10 by default"),
            PassiveSize = (int)r.Long(p + "passive-size", 0, 1024, "set 0 to 1024, 30 by default"),
            ActiveRandomWalkLength = (int)r.Long(p + "active-random-walk-length", 1, 32, "set 1 to 32, 6 by default"),
            PassiveRandomWalkLength = (int)r.Long(p + "passive-random-walk-length", 0, 32, "set 0 to active-random-walk-length, 3 by default"),
            ShuffleActive = (int)r.Long(p + "shuffle-active", 0, 64, "set 0 to 64, 3 by default"),
            ShufflePassive = (int)r.Long(p + "shuffle-passive", 0, 64, "set 0 to 64, 4 by default"),
            ShufflePeriod = r.Duration(p + "shuffle-period", TimeSpan.FromMilliseconds(100), TimeSpan.FromHours(1), "set a duration such as 30s"),
        };
        foreach (var problem in views.Validate())
        {
            r.Add(p + "active-target", problem, "keep active-low <= active-target <= active-high and passive-random-walk-length <= active-random-walk-length");
        }

        var options = new OverlayOptions
        {
            Enabled = r.Bool(p + "enabled", "set on or off"),
            Views = views,
            PingInterval = r.Duration(p + "ping-interval", TimeSpan.FromMilliseconds(50), TimeSpan.FromMinutes(1), "set a duration such as 1s"),
            PingTimeout = r.Duration(p + "ping-timeout", TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(5), "set a duration longer than ping-interval, such as 3s"),
            JoinRetry = r.Duration(p + "join-retry", TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(5), "set a duration such as 2s"),
            PexOnJoin = (int)r.Long(p + "pex.on-join", 0, 64, "set 0 to 64, 16 by default"),
            Pex = new Pex.PexOptions
            {
                MaxEntries = (int)r.Long(p + "pex.max-answer", 1, Wire.OverlayCodec.MaxEntries, $"set 1 to {Wire.OverlayCodec.MaxEntries}, 16 by default"),
                MaxEntryAge = r.Duration(p + "pex.max-entry-age", TimeSpan.FromSeconds(1), TimeSpan.FromDays(7), "set a duration such as 1h"),
                RequestInterval = r.Duration(p + "pex.min-interval", TimeSpan.Zero, TimeSpan.FromHours(1), "set a duration such as 10s"),
                RequestBurst = (int)r.Long(p + "pex.burst", 1, 1000, "set a count such as 2"),
            },
            Scoring = BindScoring(r, p + "scoring."),
            Limits = new Limits.LimitOptions
            {
                MaxPeersPerSubnet = (int)r.Long(p + "max-per-subnet", 0, 64, "set 0 (no limit) to 64"),
                ExemptRanges = [.. r.StringList(p + "subnet-exempt", "list CIDR ranges or host names, e.g. [\"127.0.0.0/8\", \"::1/128\", \"localhost\"], or []")],
                InboundPerSecond = r.Double(p + "inbound-per-second", 0.01, 100_000, "set a rate such as 5"),
                InboundBurst = r.Double(p + "inbound-burst", 1, 100_000, "set a count such as 20"),
            },
            MaxPeers = (int)r.Long(p + "max-peers", 1, 64, "set 1 to active-high, 10 by default"),
        };
        if (options.PingTimeout <= options.PingInterval)
        {
            r.Add(p + "ping-timeout", $"({options.PingTimeout.TotalMilliseconds:0}ms) must be longer than ping-interval ({options.PingInterval.TotalMilliseconds:0}ms)", "set ping-timeout to about three ping-intervals");
        }

        if (options.MaxPeers > views.ActiveHigh)
        {
            r.Add(p + "max-peers", $"({options.MaxPeers}) is above active-high ({views.ActiveHigh})", "set max-peers <= active-high");
        }

        foreach (var (problem, setting) in options.Scoring.Validate().Select(e => (e, "scoring")).Concat(options.Limits.Validate().Select(e => (e, "subnet-exempt"))).Concat(options.Pex.Validate().Select(e => (e, "pex"))))
        {
            r.Add(p + setting, problem, "see hocon/reference.conf for the allowed values");
        }

        return options;
    }

    private static Scoring.ScoringOptions BindScoring(ConfigReader r, string p) => new()
    {
        SuccessReward = r.Double(p + "success-reward", 0, 100, "set points such as 1"),
        ErrorPenalty = r.Double(p + "error-penalty", 0, 200, "set points such as 10"),
        TimeoutPenalty = r.Double(p + "timeout-penalty", 0, 200, "set points such as 5"),
        RttTarget = r.Duration(p + "rtt-target", TimeSpan.FromMilliseconds(1), TimeSpan.FromMinutes(1), "set a duration such as 200ms"),
        LatencyPenaltyPerTarget = r.Double(p + "latency-penalty-per-target", 0, 100, "set points such as 5"),
        MaxLatencyPenalty = r.Double(p + "max-latency-penalty", 0, 200, "set points such as 20"),
        PruneThreshold = r.Double(p + "prune-threshold", -100, 0, "set a score from -100 to 0, such as -20"),
        BanBackoff = r.Duration(p + "ban-backoff", TimeSpan.FromMilliseconds(100), TimeSpan.FromDays(1), "set a duration such as 30s"),
        MaxBanBackoff = r.Duration(p + "max-ban-backoff", TimeSpan.FromMilliseconds(100), TimeSpan.FromDays(7), "set a duration such as 10m"),
    };
}
