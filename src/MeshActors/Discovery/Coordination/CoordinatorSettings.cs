using MeshActors.Configuration;

namespace MeshActors.Discovery.Coordination;

/// <summary>What every coordinator shares: the per-run timeout, the failure backoff and the
/// shortest wait between successful runs (<c>meshactors.discovery.*</c>).</summary>
/// <param name="RunTimeout">The longest one run may take.</param>
/// <param name="BackoffMin">The wait after the first failure.</param>
/// <param name="BackoffMax">The longest wait between failing runs.</param>
/// <param name="MinRefresh">The shortest wait between successful runs.</param>
internal sealed record CoordinatorSettings(TimeSpan RunTimeout, TimeSpan BackoffMin, TimeSpan BackoffMax, TimeSpan MinRefresh)
{
    /// <summary>The settings of <paramref name="options"/>.</summary>
    public static CoordinatorSettings From(DiscoveryOptions options) =>
        new(options.RunTimeout, options.FailureBackoffMin, options.FailureBackoffMax, options.MinRefreshInterval);
}
