using MeshActors.Discovery;
using MeshActors.Discovery.Aws;
using MeshActors.Discovery.Dns;
using MeshActors.Discovery.Http;
using MeshActors.Discovery.Kubernetes;
using MeshActors.Discovery.Mdns;
using MeshActors.Discovery.PeerCache;
using MeshActors.Discovery.Static;

namespace MeshActors.Configuration;

/// <summary><c>meshactors.discovery</c>: where a node finds contact points, and how it decides
/// whom to join.</summary>
public sealed record DiscoveryOptions
{
    /// <summary><c>meshactors.discovery.static</c>.</summary>
    public required StaticDiscoveryOptions Static { get; init; }

    /// <summary><c>meshactors.discovery.dns</c>.</summary>
    public required DnsDiscoveryOptions Dns { get; init; }

    /// <summary><c>meshactors.discovery.mdns</c>.</summary>
    public required MdnsDiscoveryOptions Mdns { get; init; }

    /// <summary><c>meshactors.discovery.kubernetes</c>.</summary>
    public required KubernetesDiscoveryOptions Kubernetes { get; init; }

    /// <summary><c>meshactors.discovery.aws</c>.</summary>
    public required AwsDiscoveryOptions Aws { get; init; }

    /// <summary><c>meshactors.discovery.http</c>.</summary>
    public required HttpDiscoveryOptions Http { get; init; }

    /// <summary><c>meshactors.discovery.peer-cache</c>.</summary>
    public required PeerCacheOptions PeerCache { get; init; }

    /// <summary><c>meshactors.discovery.failure-backoff.min</c>: the wait before re-running a provider after its first failure.</summary>
    public required TimeSpan FailureBackoffMin { get; init; }

    /// <summary><c>meshactors.discovery.failure-backoff.max</c>: the longest wait between runs of a failing provider.</summary>
    public required TimeSpan FailureBackoffMax { get; init; }

    /// <summary><c>meshactors.discovery.run-timeout</c>: the longest one run of a provider may take.</summary>
    public TimeSpan RunTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary><c>meshactors.discovery.min-refresh-interval</c>: the shortest wait between successful runs of a provider.</summary>
    public TimeSpan MinRefreshInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Whether any provider other than static seeds and the peer cache is enabled.</summary>
    public bool AnyDynamicProvider => new IProviderOptions[] { Dns, Mdns, Kubernetes, Aws, Http }.Any(p => p.Enabled);
}
