namespace MeshActors.Tests.Discovery.Http;

/// <summary>The shared provider suite against a real HTTPS rendezvous server.</summary>
public sealed class HttpConformanceTests : DiscoveryProviderConformance
{
    protected override async Task<IProviderTestbed> CreateTestbedAsync() => await HttpTestbed.StartAsync();
}
