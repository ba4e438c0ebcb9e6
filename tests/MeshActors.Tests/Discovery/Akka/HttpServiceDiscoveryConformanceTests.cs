using MeshActors.Discovery.Akka;
using MeshActors.Tests.Discovery.Http;

namespace MeshActors.Tests.Discovery.Akka;

/// <summary>The shared provider suite through <c>meshactors-http</c>, against the HTTPS rendezvous fixture.</summary>
public sealed class HttpServiceDiscoveryConformanceTests : DiscoveryProviderConformance
{
    protected override async Task<IProviderTestbed> CreateTestbedAsync() =>
        new AdaptedTestbed(await HttpTestbed.StartAsync(), p => new HttpServiceDiscovery(p));
}
