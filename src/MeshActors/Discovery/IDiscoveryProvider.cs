namespace MeshActors.Discovery;

/// <summary>
/// A source of contact points: static seeds, DNS, mDNS, Kubernetes, AWS, an HTTP rendezvous
/// list, the peer cache. Each is driven by its own discovery coordinator actor, which calls
/// <see cref="DiscoverAsync"/> on a schedule (one call at a time), records health and metrics,
/// and backs off after failures. Every provider passes one shared conformance suite.
/// </summary>
public interface IDiscoveryProvider : IAsyncDisposable
{
    /// <summary>The provider's name, as in <c>meshactors.discovery.&lt;name&gt;</c>.</summary>
    string Name { get; }

    /// <summary>Starts anything the provider runs in the background (mDNS answers queries and
    /// announces this node). Called once, before the first <see cref="DiscoverAsync"/>.</summary>
    Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Finds contact points now. Finding none is a normal, empty result.</summary>
    /// <exception cref="DiscoveryException">The source failed; the message says what failed and how to fix it.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<DiscoveryResult> DiscoverAsync(CancellationToken cancellationToken);
}
