using MeshActors.Configuration;
using MeshActors.Discovery;

namespace MeshActors.Discovery.Static;

/// <summary><c>meshactors.discovery.static</c>: seeds and contact points written in configuration.</summary>
public sealed record StaticDiscoveryOptions
{
    /// <summary><c>seeds</c>: Akka.Remote addresses for Akka's seed-node join (Cluster Bootstrap is then not used).</summary>
    public required IReadOnlyList<NodeAddress> Seeds { get; init; }

    /// <summary><c>contact-points</c>: bootstrap endpoints, the static tier of Cluster Bootstrap.</summary>
    public IReadOnlyList<NodeAddress> ContactPoints { get; init; } = [];

    /// <summary><c>fallback-seeds</c>: the release's built-in contact points, used only when no other provider yields one.</summary>
    public required IReadOnlyList<NodeAddress> FallbackSeeds { get; init; }

    internal static StaticDiscoveryOptions Bind(ConfigReader r) => new()
    {
        Seeds = r.AddressList("meshactors.discovery.static.seeds"),
        ContactPoints = r.AddressList("meshactors.discovery.static.contact-points"),
        FallbackSeeds = r.AddressList("meshactors.discovery.static.fallback-seeds"),
    };
}
