namespace MeshActors.Tests.Discovery.Aws;

/// <summary>The shared provider suite against a real HTTPS, signature-checking fake of EC2.</summary>
public sealed class AwsConformanceTests : DiscoveryProviderConformance
{
    protected override async Task<IProviderTestbed> CreateTestbedAsync() => await AwsTestbed.StartAsync();
}
