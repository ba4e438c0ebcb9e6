using MeshActors.Configuration;
using MeshActors.Discovery;

namespace MeshActors.Discovery.Static;

/// <summary><c>meshactors.discovery.static</c>: contact points written in configuration.</summary>
public sealed record StaticDiscoveryOptions
{
    /// <summary><c>seeds</c>: the configured contact points.</summary>
    public required IReadOnlyList<NodeAddress> Seeds { get; init; }

    /// <summary><c>fallback-seeds</c>: the release's built-in list, used only when no other provider yields a contact point.</summary>
    public required IReadOnlyList<NodeAddress> FallbackSeeds { get; init; }

    internal static StaticDiscoveryOptions Bind(ConfigReader r) => new()
    {
        Seeds = r.AddressList("meshactors.discovery.static.seeds"),
        FallbackSeeds = r.AddressList("meshactors.discovery.static.fallback-seeds"),
    };
}
