namespace MeshActors.Benchmarks.Overlay;

/// <summary>The simulated network and scenario. Times are in microseconds of simulated time.</summary>
internal sealed record OverlaySimOptions
{
    public int Nodes { get; init; } = 10_000;

    public double FailFraction { get; init; } = 0.5;

    public ulong Seed { get; init; } = 1;

    /// <summary>The probability that any one message is lost.</summary>
    public double Loss { get; init; }

    /// <summary>Nodes replaced per simulated second (one crashes, a new one joins) from the mass failure on.</summary>
    public double ChurnPerSecond { get; init; }

    /// <summary>Each link's one-way latency is drawn once from the seed, uniformly in [min, max].</summary>
    public long MinLatencyMicros { get; init; } = 5_000;

    public long MaxLatencyMicros { get; init; } = 100_000;

    /// <summary>How long after a crash its neighbours notice the broken link (on top of the link's latency).</summary>
    public long FailureDetectionMicros { get; init; } = 1_000_000;

    /// <summary>One node joins every this often during the bootstrap.</summary>
    public long JoinSpacingMicros { get; init; } = 1_000;

    /// <summary>Shuffle periods run after the last join before any broadcast.</summary>
    public int StabilizePeriods { get; init; } = 3;

    public int WarmUpBroadcasts { get; init; } = 10;

    /// <summary>Broadcasts before the failure whose duplicates give the steady-state redundancy.</summary>
    public int SteadyBroadcasts { get; init; } = 20;

    public int HealBroadcasts { get; init; } = 50;

    public long BroadcastSpacingMicros { get; init; } = 1_000_000;

    /// <summary>How long after a broadcast its reach is judged.</summary>
    public long SettleMicros { get; init; } = 15_000_000;
}
