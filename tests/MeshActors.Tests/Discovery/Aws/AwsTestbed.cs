using Amazon.Runtime;
using MeshActors.Discovery;
using MeshActors.Discovery.Aws;
using MeshActors.Tests.Discovery.Fixtures;

namespace MeshActors.Tests.Discovery.Aws;

/// <summary>A fake EC2 endpoint over real HTTPS, and providers that reach it through AWSSDK.EC2:
/// <c>endpoint</c> is the fixture server, <c>ca</c> its test CA (the documented setting for a
/// private CA), credentials given to the SDK directly unless a test asks for the standard chain.</summary>
internal sealed class AwsTestbed(FixtureHttpsServer server, FakeEc2 ec2) : HttpsProviderTestbed<AwsDiscoveryProvider>(server), IProviderTestbed
{
    /// <summary>The service name the providers look for (the test context's cluster id).</summary>
    public const string Service = "test-cluster";

    public string ProviderName => "aws";

    public FakeEc2 Ec2 { get; } = ec2;

    public static AWSCredentials GoodCredentials => new BasicAWSCredentials(FakeEc2.AccessKey, FakeEc2.Secret);

    public static async Task<AwsTestbed> StartAsync()
    {
        var ec2 = new FakeEc2();
        var server = await FixtureHttpsServer.StartAsync(_ => Task.CompletedTask);
        server.Respond(ec2.HandleAsync);
        return new AwsTestbed(server, ec2);
    }

    /// <summary>An instance of the fleet: running, tagged service = <see cref="Service"/>.</summary>
    public static (string, string, string?, (string, string)[]) Running(string id, string ip, params (string, string)[] moreTags) =>
        (id, "running", ip, [("service", Service), .. moreTags]);

    public AwsDiscoveryOptions Options(Func<AwsDiscoveryOptions, AwsDiscoveryOptions>? change = null)
    {
        var options = new AwsDiscoveryOptions
        {
            Enabled = true,
            RefreshInterval = TimeSpan.FromSeconds(60),
            Region = FakeEc2.Region,
            Endpoint = Server.BaseUri.ToString(),
            Ca = FixtureHttpsServer.CaPemPath,
            PortTag = "mesh-port",
        };
        return change is null ? options : change(options);
    }

    public AwsDiscoveryProvider Provider(AwsDiscoveryOptions? options = null, AWSCredentials? credentials = null, bool standardChain = false) =>
        Track(new AwsDiscoveryProvider(options ?? Options(), DiscoveryTestContext.Create(), Service, standardChain ? null : credentials ?? GoodCredentials));

    public Task<IDiscoveryProvider> ServingAsync(IReadOnlyList<NodeAddress> targets)
    {
        Ec2.Pages = [FakeEc2.Page(targets.Select((t, i) => Running($"i-{i:x8}", t.Host, ("mesh-port", t.Port.ToString()))))];
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
