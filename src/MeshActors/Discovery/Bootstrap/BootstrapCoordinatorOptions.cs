using MeshActors.Membership;
using MeshActors.Transport;

namespace MeshActors.Discovery.Bootstrap;

/// <summary>Everything a bootstrap coordinator is built from.</summary>
internal sealed record BootstrapCoordinatorOptions
{
    public required string NodeId { get; init; }

    public required ITransport Transport { get; init; }

    public required ClusterMembership Membership { get; init; }

    public required BootstrapOptions Settings { get; init; }

    public required DiscoveryBoard Board { get; init; }

    /// <summary>The providers whose first run the decision waits for.</summary>
    public required IReadOnlyCollection<string> Providers { get; init; }

    /// <summary>Pins the key a contact point's provider vouched for (mDNS TXT <c>fp</c>) to its address; null when the transport cannot.</summary>
    public Action<NodeAddress, string?>? PinKey { get; init; }

    /// <summary>Whether anything but the peer cache can yield contact points (seeds, a dynamic provider).</summary>
    public required bool DiscoveryConfigured { get; init; }
}
