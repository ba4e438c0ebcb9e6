using Akka.Discovery;
using MeshActors.Discovery;
using MeshActors.Discovery.Akka;

namespace MeshActors.Tests.Discovery.Akka;

/// <summary>A plugin seen as a provider again, so the shared provider suite runs through the
/// Akka.Discovery adapter: each run is one <see cref="ServiceDiscovery.Lookup(Lookup, TimeSpan)"/>,
/// each target back to an address (its IP when it has one).</summary>
internal sealed class ServiceDiscoveryAsProvider(MeshActorsServiceDiscovery discovery, Lookup lookup) : IDiscoveryProvider
{
    public string Name => discovery.Method;

    public async Task<DiscoveryResult> DiscoverAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var resolved = await discovery.Lookup(lookup, TimeSpan.FromSeconds(20)).WaitAsync(cancellationToken);
        return new DiscoveryResult(resolved.Addresses
            .Select(t => new ContactPoint(new NodeAddress(t.Address?.ToString() ?? t.Host, t.Port ?? 0), Name))
            .ToList());
    }

    public ValueTask DisposeAsync() => discovery.DisposeProvidersAsync();
}
