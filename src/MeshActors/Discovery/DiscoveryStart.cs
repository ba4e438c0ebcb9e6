using MeshActors.Configuration;
using MeshActors.Membership;
using MeshActors.Transport;

namespace MeshActors.Discovery;

/// <summary>Everything <see cref="ClusterDiscovery"/> is started from.</summary>
internal sealed record DiscoveryStart
{
    public required DiscoveryOptions Options { get; init; }

    public required DiscoveryContext Context { get; init; }

    public required ITransport Transport { get; init; }

    public required ClusterMembership Membership { get; init; }

    /// <summary>Providers beyond the configured ones (the simulator's, tests').</summary>
    public IReadOnlyList<ProviderRegistration> ExtraProviders { get; init; } = [];

    /// <summary>Pins a key to an address for the next handshakes; null when the transport cannot.</summary>
    public Action<NodeAddress, string?>? PinKey { get; init; }
}
