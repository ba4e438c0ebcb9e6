using MeshActors.Discovery.Akka;
using MeshActors.Tests.Discovery.Aws;

namespace MeshActors.Tests.Discovery.Akka;

/// <summary>The shared provider suite through <c>meshactors-aws</c>, against the signature-checking EC2 fake.</summary>
public sealed class AwsServiceDiscoveryConformanceTests : DiscoveryProviderConformance
{
    protected override async Task<IProviderTestbed> CreateTestbedAsync() =>
        new AdaptedTestbed(await AwsTestbed.StartAsync(), p => new AwsServiceDiscovery(p));
}
