namespace MeshActors.Tests.Discovery.Kubernetes;

/// <summary>The shared provider suite against a real HTTPS fake of the API server.</summary>
public sealed class KubernetesConformanceTests : DiscoveryProviderConformance
{
    protected override async Task<IProviderTestbed> CreateTestbedAsync() => await KubernetesTestbed.StartAsync();
}
