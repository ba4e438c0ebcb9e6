using Amazon.Runtime;
using MeshActors.Discovery;
using MeshActors.Discovery.Aws;
using MeshActors.Discovery.Http;
using MeshActors.Tests.Discovery.Fixtures;

namespace MeshActors.Tests.Discovery.Aws;

/// <summary>A signature-checking fake EC2 endpoint over real HTTPS, and providers that trust its
/// CA through the internal handler constructor and sign with the given credentials.</summary>
internal sealed class AwsTestbed(FixtureHttpsServer server, FakeEc2 ec2) : HttpsProviderTestbed<AwsDiscoveryProvider>(server), IProviderTestbed
{
    public string ProviderName => "aws";

    public FakeEc2 Ec2 { get; } = ec2;

    public static ImmutableCredentials GoodCredentials => new(FakeEc2.AccessKey, FakeEc2.Secret, null);

    public static async Task<AwsTestbed> StartAsync()
    {
        var ec2 = new FakeEc2();
        var server = await FixtureHttpsServer.StartAsync(_ => Task.CompletedTask);
        server.Respond(ec2.HandleAsync);
        return new AwsTestbed(server, ec2);
    }

    public AwsDiscoveryOptions Options(Func<AwsDiscoveryOptions, AwsDiscoveryOptions>? change = null)
    {
        var options = new AwsDiscoveryOptions
        {
            Enabled = true,
            RefreshInterval = TimeSpan.FromSeconds(60),
            Region = FakeEc2.Region,
            Endpoint = Server.BaseUri.ToString(),
            Tags = ["mesh-cluster=test"],
            PortTag = "mesh-port",
        };
        return change is null ? options : change(options);
    }

    public AwsDiscoveryProvider Provider(
        AwsDiscoveryOptions? options = null, Func<CancellationToken, Task<ImmutableCredentials>>? credentials = null, Func<string, string?>? environment = null)
    {
        return Track(new AwsDiscoveryProvider(
            options ?? Options(), DiscoveryTestContext.Create(), environment ?? (_ => null),
            credentials ?? (_ => Task.FromResult(GoodCredentials)),
            TrustedCaHandler.Create(FixtureHttpsServer.CaPemPath, "aws", "test CA")));
    }

    public Task<IDiscoveryProvider> ServingAsync(IReadOnlyList<NodeAddress> targets)
    {
        Ec2.Pages = [FakeEc2.Page(targets.Select((t, i) => ($"i-{i:x8}", "running", (string?)t.Host, new[] { ("mesh-cluster", "test"), ("mesh-port", t.Port.ToString()) })))];
        return Task.FromResult<IDiscoveryProvider>(Provider());
    }

    public Task<IDiscoveryProvider> FailingAsync() =>
        Task.FromResult<IDiscoveryProvider>(Provider(Options(o => o with { Endpoint = $"https://127.0.0.1:{ClosedPort.Find()}/" })));

    public Task<IDiscoveryProvider> GarbageAsync()
    {
        Ec2.Pages = ["<DescribeInstancesResponse><reservationSet><item><instancesSet><item>"];
        return Task.FromResult<IDiscoveryProvider>(Provider());
    }

}
