namespace MeshActors.Discovery;

/// <summary>One provider's health, as <c>GET /control/discovery</c> and <c>meshctl discovery</c> show it.</summary>
/// <param name="Name">The provider's name.</param>
/// <param name="Tier">Its place in the merge order.</param>
/// <param name="Enabled">Whether it runs.</param>
/// <param name="Runs">How many runs finished (successes and failures).</param>
/// <param name="LastRun">When the last run finished; null before the first.</param>
/// <param name="LastDuration">How long the last run took.</param>
/// <param name="NextRun">When it runs next; null while a run is under way.</param>
/// <param name="TargetsFound">How many contact points the last successful run found.</param>
/// <param name="ContactPoints">The contact points of the last successful run.</param>
/// <param name="LastError">The last run's error; null when the last run succeeded.</param>
/// <param name="ConsecutiveFailures">Failed runs since the last success.</param>
/// <param name="FirstContactAfter">Time from the node's start to this provider's first non-empty result; null until then.</param>
public sealed record ProviderHealth(
    string Name,
    DiscoveryTier Tier,
    bool Enabled,
    long Runs,
    DateTimeOffset? LastRun,
    TimeSpan? LastDuration,
    DateTimeOffset? NextRun,
    int TargetsFound,
    IReadOnlyList<ContactPoint> ContactPoints,
    string? LastError,
    int ConsecutiveFailures,
    TimeSpan? FirstContactAfter);
