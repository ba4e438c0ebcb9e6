using Amazon.Runtime;
using MeshActors.Discovery;

namespace MeshActors.Tests.Discovery.Aws;

/// <summary>The provider through AWSSDK.EC2 against the fake EC2 endpoint over HTTPS.</summary>
public sealed class AwsDiscoveryProviderTests
{
    private static CancellationToken Deadline => new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token;

    [Fact]
    public async Task The_botocore_fixture_yields_only_the_running_instance()
    {
        await using var bed = await AwsTestbed.StartAsync();
        bed.Ec2.Pages = [await File.ReadAllTextAsync(TestPaths.Fixture("aws", "botocore-ec2-describe-instances.xml"))];

        var result = await bed.Provider(bed.Options(o => o with { Ports = [7950] })).DiscoverAsync(Deadline);

        result.ContactPoints.Select(c => c.Address).Should().Equal(new NodeAddress("10.253.17.74", 7950));
        result.ContactPoints[0].Source.Should().Contain("running").And.Contain("service=" + AwsTestbed.Service);
    }

    [Fact]
    public async Task The_request_asks_for_running_instances_tagged_with_the_service_name_and_every_filter()
    {
        await using var bed = await AwsTestbed.StartAsync();

        await bed.Provider(bed.Options(o => o with { Filters = "tag:role=mesh node;instance-type=m5.large,m5.xlarge" })).DiscoverAsync(Deadline);

        bed.Ec2.Forms.Should().ContainSingle().Which.Should().Contain(new Dictionary<string, string>
        {
            ["Action"] = "DescribeInstances",
            ["Filter.1.Name"] = "instance-state-name",
            ["Filter.1.Value.1"] = "running",
            ["Filter.2.Name"] = "tag:service",
            ["Filter.2.Value.1"] = AwsTestbed.Service,
            ["Filter.3.Name"] = "tag:role",
            ["Filter.3.Value.1"] = "mesh node",
            ["Filter.4.Name"] = "instance-type",
            ["Filter.4.Value.1"] = "m5.large",
            ["Filter.4.Value.2"] = "m5.xlarge",
        });
        var request = bed.Server.Requests.Single();
        FakeEc2.AccessKeyOf(request).Should().Be(FakeEc2.AccessKey);
        FakeEc2.RegionOf(request).Should().Be(FakeEc2.Region, "region signs requests to a custom endpoint");
    }

    [Fact]
    public async Task An_empty_tag_key_leaves_the_service_tag_out()
    {
        await using var bed = await AwsTestbed.StartAsync();

        await bed.Provider(bed.Options(o => o with { TagKey = "", Filters = "tag:mesh-cluster=payments" })).DiscoverAsync(Deadline);

        var form = bed.Ec2.Forms.Single();
        form.Where(kv => kv.Key.EndsWith(".Name", StringComparison.Ordinal)).Select(kv => kv.Value).Should().BeEquivalentTo("instance-state-name", "tag:mesh-cluster");
    }

    [Fact]
    public async Task Two_pages_give_every_running_instance_of_both()
    {
        await using var bed = await AwsTestbed.StartAsync();
        bed.Ec2.Pages =
        [
            FakeEc2.Page([AwsTestbed.Running("i-1", "10.0.0.1"), ("i-2", "stopped", "10.0.0.2", [])]),
            FakeEc2.Page([AwsTestbed.Running("i-3", "10.0.0.3"), ("i-4", "pending", "10.0.0.4", []), ("i-5", "running", null, [])]),
        ];

        var result = await bed.Provider(bed.Options(o => o with { Ports = [7946] })).DiscoverAsync(Deadline);

        result.ContactPoints.Select(c => c.Address.ToString()).Should().Equal("10.0.0.1:7946", "10.0.0.3:7946");
        bed.Ec2.Forms.Select(f => f.GetValueOrDefault("NextToken")).Should().Equal(null, "page-1");
        bed.Ec2.Forms[1].Should().Contain("Filter.2.Name", "tag:service", "the next page keeps the filters");
    }

    [Fact]
    public async Task Each_port_is_one_target_per_instance_and_port_tag_overrides_them()
    {
        await using var bed = await AwsTestbed.StartAsync();
        bed.Ec2.Pages = [FakeEc2.Page([AwsTestbed.Running("i-1", "10.0.0.1"), AwsTestbed.Running("i-2", "10.0.0.2", ("mesh-port", "9000"))])];

        var result = await bed.Provider(bed.Options(o => o with { Ports = [7946, 7947] })).DiscoverAsync(Deadline);

        result.ContactPoints.Select(c => c.Address.ToString()).Should().Equal("10.0.0.1:7946", "10.0.0.1:7947", "10.0.0.2:9000");
    }

    [Fact]
    public async Task No_ports_means_the_nodes_own_port()
    {
        await using var bed = await AwsTestbed.StartAsync();
        bed.Ec2.Pages = [FakeEc2.Page([AwsTestbed.Running("i-1", "10.0.0.1")])];

        var result = await bed.Provider(bed.Options(o => o with { PortTag = "" })).DiscoverAsync(Deadline);

        result.ContactPoints.Select(c => c.Address).Should().Equal(new NodeAddress("10.0.0.1", 7946));
    }

    [Fact]
    public async Task Temporary_credentials_send_the_session_token()
    {
        await using var bed = await AwsTestbed.StartAsync();

        await bed.Provider(credentials: new SessionAWSCredentials(FakeEc2.AccessKey, FakeEc2.Secret, "session-token")).DiscoverAsync(Deadline);

        var request = bed.Server.Requests.Single();
        request.Headers["X-Amz-Security-Token"].Should().Be("session-token");
        request.Headers["Authorization"].Should().Contain("x-amz-security-token");
    }

    [Theory]
    [InlineData(403, "UnauthorizedOperation", "You are not authorized to perform this operation", "ec2:DescribeInstances")]
    [InlineData(400, "InvalidParameterValue", "The filter 'tag:' is invalid", "meshactors.discovery.aws.filters")]
    [InlineData(400, "SomethingNew", "Odd", "meshactors.discovery.aws.region (eu-west-1)")]
    public async Task EC2_errors_name_the_code_the_message_and_what_to_check(int status, string code, string message, string check)
    {
        await using var bed = await AwsTestbed.StartAsync();
        bed.Ec2.Error = (status, code, message);

        var act = () => bed.Provider(bed.Options(o => o with { Region = FakeEc2.Region })).DiscoverAsync(Deadline);

        (await act.Should().ThrowAsync<DiscoveryException>()).Which.Message.Should()
            .StartWith($"aws: DescribeInstances at {bed.Server.BaseUri} failed ({status} {code}: {message})").And.Contain(check);
    }

    [Fact]
    public async Task An_unknown_access_key_is_an_AuthFailure_naming_the_credential_chain()
    {
        await using var bed = await AwsTestbed.StartAsync();

        var act = () => bed.Provider(credentials: new BasicAWSCredentials("AKIDUNKNOWN", FakeEc2.Secret)).DiscoverAsync(Deadline);

        (await act.Should().ThrowAsync<DiscoveryException>()).Which.Message.Should().Contain("401 AuthFailure").And.Contain("AWS rejected the credentials").And.Contain("AWS_ACCESS_KEY_ID");
    }

    [Fact]
    public async Task An_endpoint_whose_CA_is_not_trusted_fails_the_TLS_handshake_naming_the_ca_setting()
    {
        await using var bed = await AwsTestbed.StartAsync();

        var act = () => bed.Provider(bed.Options(o => o with { Ca = "" })).DiscoverAsync(Deadline);

        (await act.Should().ThrowAsync<DiscoveryException>()).Which.Message.Should()
            .StartWith($"aws: cannot reach {bed.Server.BaseUri}: the TLS handshake failed").And.Contain("meshactors.discovery.aws.ca");
        bed.Ec2.Forms.Should().BeEmpty();
    }

    [Fact]
    public async Task A_closed_endpoint_names_the_endpoint_setting()
    {
        await using var bed = await AwsTestbed.StartAsync();

        var act = async () => await (await bed.FailingAsync()).DiscoverAsync(Deadline);

        (await act.Should().ThrowAsync<DiscoveryException>()).Which.Message.Should().StartWith("aws: cannot reach https://127.0.0.1:").And.Contain("meshactors.discovery.aws.endpoint");
    }

    [Fact]
    public async Task A_missing_CA_file_names_the_ca_setting()
    {
        await using var bed = await AwsTestbed.StartAsync();

        var act = () => bed.Provider(bed.Options(o => o with { Ca = "/nonexistent/ca.pem" })).DiscoverAsync(Deadline);

        (await act.Should().ThrowAsync<DiscoveryException>()).Which.Message.Should().StartWith("aws: cannot read the CA file /nonexistent/ca.pem").And.Contain("meshactors.discovery.aws.ca");
    }

    [Fact]
    public async Task An_answer_that_is_not_EC2_names_the_endpoint_setting()
    {
        await using var bed = await AwsTestbed.StartAsync();
        bed.Ec2.Pages = ["<html>a proxy's login page"];

        var act = () => bed.Provider().DiscoverAsync(Deadline);

        (await act.Should().ThrowAsync<DiscoveryException>()).Which.Message.Should().StartWith("aws: ").And.Contain("meshactors.discovery.aws.endpoint");
    }
}
