using MeshActors.Discovery.Akka;
using MeshActors.Tests.Discovery.Mdns;

namespace MeshActors.Tests.Discovery.Akka;

/// <summary>The shared provider suite through <c>meshactors-mdns</c>, against python3-zeroconf peers in a network namespace.</summary>
public sealed class MdnsServiceDiscoveryConformanceTests : DiscoveryProviderConformance
{
    protected override Task<IProviderTestbed> CreateTestbedAsync() =>
        Task.FromResult<IProviderTestbed>(new AdaptedTestbed(new MdnsTestbed(), p => new MdnsServiceDiscovery(p)));
}
