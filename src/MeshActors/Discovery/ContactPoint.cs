using MeshActors.Discovery;

namespace MeshActors.Discovery;

/// <summary>
/// An address a discovery provider believes a cluster member may listen on. Discovery only
/// produces contact points; the bootstrap coordinator probes them and decides whom to join.
/// </summary>
/// <param name="Address">The mesh transport address (host or IP, and the transport port).</param>
/// <param name="Provider">The provider's name, e.g. <c>"dns"</c>, so operators can see where it came from.</param>
public sealed record ContactPoint(NodeAddress Address, string Provider)
{
    /// <summary>The node id, when the provider knows it (mDNS TXT <c>id</c>, the peer cache, a pod name).</summary>
    public string? NodeId { get; init; }

    /// <summary>The public-key fingerprint the node must present (<c>sha256:…</c>), when the
    /// provider learned one (mDNS TXT <c>fp</c>, a manual introduction); null when unknown.</summary>
    public string? Fingerprint { get; init; }

    /// <summary>How the provider found it, for <c>meshctl discovery explain</c>, e.g.
    /// <c>"SRV _mesh._tcp.example.com → node1.example.com:7946 (priority 10, weight 50)"</c>.</summary>
    public string? Source { get; init; }

    /// <summary>The DNS name the address was found under (an SRV target such as
    /// <c>node1.example.com</c>), when the provider learned one; null otherwise. The Akka.Discovery
    /// plugins report it as the target's host.</summary>
    public string? HostName { get; init; }

    /// <summary>The SRV priority (RFC 2782): within a tier, lower priorities are dialled first. 0 when the source has none.</summary>
    public int Priority { get; init; }

    /// <summary>The SRV weight (RFC 2782): within a priority, heavier contact points are more likely to be dialled first. 0 when the source has none.</summary>
    public int Weight { get; init; }
}
