using MeshActors.Transport;

namespace MeshActors.Configuration;

/// <summary><c>meshactors.discovery</c>: where a node finds contact points to join through.</summary>
public sealed record DiscoveryOptions
{
    /// <summary><c>meshactors.discovery.static.seeds</c>: fixed contact points; empty for a single-node start.</summary>
    public required IReadOnlyList<NodeAddress> StaticSeeds { get; init; }
}
