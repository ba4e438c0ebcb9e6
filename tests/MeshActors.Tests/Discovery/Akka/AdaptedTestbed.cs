using Akka.Discovery;
using MeshActors.Discovery;
using MeshActors.Discovery.Akka;

namespace MeshActors.Tests.Discovery.Akka;

/// <summary>An existing provider testbed whose providers are wrapped in their Akka.Discovery
/// plugin and seen through <see cref="ServiceDiscoveryAsProvider"/>.</summary>
internal sealed class AdaptedTestbed(IProviderTestbed inner, Func<IDiscoveryProvider, MeshActorsServiceDiscovery> adapt) : IProviderTestbed
{
    public string ProviderName => "meshactors-" + inner.ProviderName;

    public async Task<IDiscoveryProvider> ServingAsync(IReadOnlyList<NodeAddress> targets) => Wrap(await inner.ServingAsync(targets));

    public async Task<IDiscoveryProvider> FailingAsync() => Wrap(await inner.FailingAsync());

    public async Task<IDiscoveryProvider> GarbageAsync() => Wrap(await inner.GarbageAsync());

    public ValueTask DisposeAsync() => inner.DisposeAsync();

    private ServiceDiscoveryAsProvider Wrap(IDiscoveryProvider provider) => new(adapt(provider), new Lookup("svc"));
}
