using Akka.Actor.Setup;
using MeshActors.Configuration;
using MeshActors.Discovery.PeerCache;
using Prometheus;

namespace MeshActors.Discovery.Coordination;

/// <summary>
/// What a MeshActors node hands to <see cref="MeshDiscovery"/> before its first use, as part of
/// the ActorSystem's setup (Akka.Hosting: <c>AddSetup</c>): its discovery context (node id,
/// cluster id, advertised address, data folder, logger factory), its peer cache, and optionally
/// its already-loaded options (environment variables included) and metrics registry. Without this
/// setup (a plain Akka.NET application) the extension binds <c>meshactors.discovery</c> from the
/// ActorSystem's configuration, opens the peer cache itself when it is enabled, keeps manual
/// introductions in memory only, and uses a metrics registry of its own.
/// </summary>
public sealed class MeshDiscoverySetup : Setup
{
    /// <summary>A setup with <paramref name="context"/> and no peer cache.</summary>
    /// <param name="context">What the providers know about this node.</param>
    public MeshDiscoverySetup(DiscoveryContext context)
        : this(context, null)
    {
    }

    /// <summary>A setup with <paramref name="context"/> and the node's peer cache (the
    /// <c>peer-cache</c> provider reads it; discovery does not dispose it).</summary>
    /// <param name="context">What the providers know about this node.</param>
    /// <param name="cache">The node's peer cache; null when the cache is off.</param>
    internal MeshDiscoverySetup(DiscoveryContext context, PeerCacheStore? cache)
    {
        ArgumentNullException.ThrowIfNull(context);
        Context = context;
        Cache = cache;
    }

    /// <summary>What the providers know about this node.</summary>
    public DiscoveryContext Context { get; }

    /// <summary>The node's peer cache; null when it is off.</summary>
    internal PeerCacheStore? Cache { get; }

    /// <summary>The node's discovery options; null to bind <c>meshactors.discovery</c> from the ActorSystem's configuration.</summary>
    public DiscoveryOptions? Options { get; init; }

    /// <summary>Where the discovery metrics go (the node's <c>NodeMetrics.Registry</c>, so they
    /// are on its <c>/metrics</c>); null for a registry of the extension's own.</summary>
    public CollectorRegistry? Metrics { get; init; }

    /// <summary>Whether manual introductions are kept in <see cref="DiscoveryContext.DataDir"/>
    /// (<c>manual-contacts.json</c>) across restarts; true by default.</summary>
    public bool PersistManualIntroductions { get; init; } = true;
}
