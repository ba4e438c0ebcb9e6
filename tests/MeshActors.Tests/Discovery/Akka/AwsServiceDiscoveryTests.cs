using Akka.Discovery;
using MeshActors.Discovery.Akka;
using MeshActors.Tests.Discovery.Aws;
using MeshActors.Tests.Discovery.Fixtures;
using AkkaDiscovery = Akka.Discovery.Discovery;

namespace MeshActors.Tests.Discovery.Akka;

/// <summary><c>meshactors-aws</c> selected in a plain ActorSystem, as an application switching
/// from Akka.Discovery.AwsApi's <c>aws-api-ec2-tag-based</c> would: the lookup's service name is
/// the tag value, credentials come from the standard chain (here the environment).</summary>
public sealed class AwsServiceDiscoveryTests
{
    private const string EnvironmentKey = "AKIDFROMENVIRONMENT";

    [Fact]
    public async Task A_lookup_finds_the_instances_tagged_with_its_service_name_one_target_per_port_with_credentials_from_the_environment()
    {
        await using var bed = await AwsTestbed.StartAsync();
        bed.Ec2.KnownKeys.Add(EnvironmentKey);
        bed.Ec2.Pages = [FakeEc2.Page([("i-1", "running", "10.0.0.1", [("service", "payments")])])];
        using var environment = new AwsEnvironment(EnvironmentKey, "secret-from-environment");
        using var system = AkkaSystems.Create($$"""
            akka.discovery.method = meshactors-aws
            meshactors.discovery.aws { endpoint = "{{bed.Server.BaseUri}}", region = {{FakeEc2.Region}}, ca = "{{FixtureHttpsServer.CaPemPath}}", ports = [8558, 8559] }
            """);

        var resolved = await AkkaDiscovery.Get(system).Default.Lookup(new Lookup("payments"), TimeSpan.FromSeconds(20));

        resolved.Addresses.Select(t => $"{t.Host}:{t.Port}").Should().Equal("10.0.0.1:8558", "10.0.0.1:8559");
        resolved.Addresses.Should().OnlyContain(t => t.Address != null && t.Address.ToString() == "10.0.0.1");
        bed.Ec2.Forms.Single().Should().Contain("Filter.2.Name", "tag:service").And.Contain("Filter.2.Value.1", "payments");
        FakeEc2.AccessKeyOf(bed.Server.Requests.Single()).Should().Be(EnvironmentKey);
        await system.Terminate();
    }

    [Fact]
    public async Task Without_ports_a_target_has_no_port_and_each_service_name_is_its_own_query()
    {
        await using var bed = await AwsTestbed.StartAsync();
        bed.Ec2.KnownKeys.Add(EnvironmentKey);
        bed.Ec2.Pages = [FakeEc2.Page([("i-1", "running", "10.0.0.1", [])])];
        using var environment = new AwsEnvironment(EnvironmentKey, "secret-from-environment");
        using var system = AkkaSystems.Create($$"""
            meshactors.discovery.aws { endpoint = "{{bed.Server.BaseUri}}", region = {{FakeEc2.Region}}, ca = "{{FixtureHttpsServer.CaPemPath}}" }
            """);
        var discovery = AkkaDiscovery.Get(system).LoadServiceDiscovery(AwsServiceDiscovery.MethodName);

        var first = await discovery.Lookup(new Lookup("orders"), TimeSpan.FromSeconds(20));
        await discovery.Lookup(new Lookup("billing"), TimeSpan.FromSeconds(20));

        first.Addresses.Should().ContainSingle().Which.Port.Should().BeNull("Cluster Bootstrap then uses its fallback port");
        bed.Ec2.Forms.Select(f => f["Filter.2.Value.1"]).Should().Equal("orders", "billing");
        await system.Terminate();
    }

    [Theory]
    [InlineData("filters = \"tag:a=b;instance-type\"", "meshactors.discovery.aws.filters", "\"instance-type\" is not name=value")]
    [InlineData("filters = \"=x\"", "meshactors.discovery.aws.filters", "tag:purpose=mesh;instance-type=m5.large,m5.xlarge")]
    [InlineData("tag-key = \"\"", "meshactors.discovery.aws.filters", "every running instance")]
    [InlineData("tags = [\"mesh-cluster=payments\"]", "meshactors.discovery.aws.tags", "filters = \"tag:mesh-cluster=payments\"")]
    [InlineData("port = 7946", "meshactors.discovery.aws.port", "ports = [7946]")]
    [InlineData("ports = [0]", "meshactors.discovery.aws.ports.0", "not a port")]
    public async Task A_bad_or_old_setting_stops_the_load_naming_it_and_the_fix(string setting, string path, string text)
    {
        using var system = AkkaSystems.Create("meshactors.discovery.aws." + setting);

        var act = () => AkkaDiscovery.Get(system).LoadServiceDiscovery(AwsServiceDiscovery.MethodName);

        AkkaSystems.Messages(act.Should().Throw<Exception>().Which).Should().Contain("akka.discovery.meshactors-aws").And.Contain(path).And.Contain(text);
        await system.Terminate();
    }
}
