namespace MeshActors.Discovery.Coordination;

/// <summary>
/// One discovery provider's health, kept by its coordinator: what <c>meshctl discovery</c> and
/// the control endpoint show. Immutable; the coordinator replaces it after every run. Times come
/// from the ActorSystem's scheduler clock.
/// </summary>
/// <param name="Name">The provider's name (<c>static</c>, <c>manual</c>, <c>dns</c>, …, <c>fallback</c>).</param>
/// <param name="Tier">Its place in the merge order.</param>
/// <param name="Enabled">Whether it runs at all; false for providers turned off in configuration.</param>
/// <param name="State">Starting, ok, failing or disabled.</param>
public sealed record ProviderHealth(string Name, DiscoveryTier Tier, bool Enabled, ProviderState State)
{
    /// <summary>Runs finished (successful, failed and timed out).</summary>
    public long Runs { get; init; }

    /// <summary>Runs that failed or timed out.</summary>
    public long Failures { get; init; }

    /// <summary>Failed or timed-out runs since the last success; 0 after a success.</summary>
    public int ConsecutiveFailures { get; init; }

    /// <summary>When the last run started; null before the first.</summary>
    public DateTimeOffset? LastRunStarted { get; init; }

    /// <summary>When the last run ended (or timed out); null before the first ends.</summary>
    public DateTimeOffset? LastRunEnded { get; init; }

    /// <summary>When a run last succeeded; null before the first success.</summary>
    public DateTimeOffset? LastSuccess { get; init; }

    /// <summary>When the next run is due; null while a run is in flight and for disabled providers.</summary>
    public DateTimeOffset? NextRun { get; init; }

    /// <summary>The last failure's message (kept after a recovery, so an operator can see what
    /// went wrong last); null if it never failed.</summary>
    public string? LastError { get; init; }

    /// <summary>The contact points of the last successful run, each with its provider and source
    /// text; a failure keeps the previous ones.</summary>
    public IReadOnlyList<ContactPoint> Targets { get; init; } = [];

    /// <summary>An enabled provider before its first run.</summary>
    internal static ProviderHealth Starting(string name, DiscoveryTier tier) => new(name, tier, true, ProviderState.Starting);

    /// <summary>A provider turned off in configuration.</summary>
    internal static ProviderHealth Off(string name, DiscoveryTier tier) => new(name, tier, false, ProviderState.Disabled);

    /// <summary>A run started at <paramref name="now"/>.</summary>
    internal ProviderHealth RunStarted(DateTimeOffset now) => this with { LastRunStarted = now, NextRun = null };

    /// <summary>A run succeeded at <paramref name="now"/> with <paramref name="targets"/>; the next is due at <paramref name="next"/>.</summary>
    internal ProviderHealth Succeeded(DateTimeOffset now, IReadOnlyList<ContactPoint> targets, DateTimeOffset next) => this with
    {
        State = ProviderState.Ok,
        Runs = Runs + 1,
        ConsecutiveFailures = 0,
        LastRunEnded = now,
        LastSuccess = now,
        NextRun = next,
        Targets = targets,
    };

    /// <summary>A run failed (or timed out) at <paramref name="now"/> with <paramref name="error"/>; the next is due at <paramref name="next"/>.</summary>
    internal ProviderHealth Failed(DateTimeOffset now, string error, DateTimeOffset next) => this with
    {
        State = ProviderState.Failing,
        Runs = Runs + 1,
        Failures = Failures + 1,
        ConsecutiveFailures = ConsecutiveFailures + 1,
        LastRunEnded = now,
        NextRun = next,
        LastError = error,
    };
}
