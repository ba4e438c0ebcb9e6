using Amazon.Runtime;
using MeshActors.Discovery;

namespace MeshActors.Tests.Discovery.Aws;

public sealed class AwsDiscoveryProviderTests
{
    private static readonly (string, string)[] Fleet = [("mesh-cluster", "test")];

    private static CancellationToken Deadline => new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token;

    [Fact]
    public async Task The_botocore_fixture_yields_only_the_running_instance()
    {
        await using var bed = await AwsTestbed.StartAsync();
        bed.Ec2.Pages = [await File.ReadAllTextAsync(TestPaths.Fixture("aws", "botocore-ec2-describe-instances.xml"))];

        var result = await bed.Provider(bed.Options(o => o with { Port = 7950 })).DiscoverAsync(Deadline);

        result.ContactPoints.Select(c => c.Address).Should().Equal(new NodeAddress("10.253.17.74", 7950));
        result.ContactPoints[0].Source.Should().Contain("running");
    }

    [Fact]
    public async Task The_signed_request_filters_running_instances_by_every_tag()
    {
        await using var bed = await AwsTestbed.StartAsync();

        await bed.Provider(bed.Options(o => o with { Tags = ["mesh-cluster=test", "role=mesh node"] })).DiscoverAsync(Deadline);

        bed.Ec2.Forms.Should().ContainSingle().Which.Should().Contain(new Dictionary<string, string>
        {
            ["Filter.1.Name"] = "instance-state-name",
            ["Filter.1.Value.1"] = "running",
            ["Filter.2.Name"] = "tag:mesh-cluster",
            ["Filter.2.Value.1"] = "test",
            ["Filter.3.Name"] = "tag:role",
            ["Filter.3.Value.1"] = "mesh node",
        });
        bed.Server.Requests.Single().Headers["Authorization"].Should().StartWith($"AWS4-HMAC-SHA256 Credential={FakeEc2.AccessKey}/");
    }

    [Fact]
    public async Task A_wrong_secret_is_rejected_by_the_verifier_and_named_as_a_credential_problem()
    {
        await using var bed = await AwsTestbed.StartAsync();
        var wrong = new ImmutableCredentials(FakeEc2.AccessKey, FakeEc2.Secret + "x", null);

        var act = () => bed.Provider(credentials: _ => Task.FromResult(wrong)).DiscoverAsync(Deadline);

        var message = (await act.Should().ThrowAsync<DiscoveryException>()).Which.Message;
        message.Should().StartWith("aws: DescribeInstances failed (403 SignatureDoesNotMatch").And.Contain("AWS rejected the credentials");
    }

    [Fact]
    public async Task An_unknown_access_key_is_an_AuthFailure()
    {
        await using var bed = await AwsTestbed.StartAsync();

        var act = () => bed.Provider(credentials: _ => Task.FromResult(new ImmutableCredentials("AKIDUNKNOWN", FakeEc2.Secret, null))).DiscoverAsync(Deadline);

        (await act.Should().ThrowAsync<DiscoveryException>()).Which.Message.Should().Contain("401 AuthFailure");
    }

    [Fact]
    public async Task Temporary_credentials_sign_the_session_token_too()
    {
        await using var bed = await AwsTestbed.StartAsync();

        await bed.Provider(credentials: _ => Task.FromResult(new ImmutableCredentials(FakeEc2.AccessKey, FakeEc2.Secret, "session-token"))).DiscoverAsync(Deadline);

        var request = bed.Server.Requests.Single();
        request.Headers["X-Amz-Security-Token"].Should().Be("session-token");
        request.Headers["Authorization"].Should().Contain("x-amz-security-token");
    }

    [Fact]
    public async Task Pages_are_followed_through_NextToken()
    {
        await using var bed = await AwsTestbed.StartAsync();
        bed.Ec2.Pages =
        [
            FakeEc2.Page([("i-1", "running", "10.0.0.1", Fleet), ("i-2", "stopped", "10.0.0.2", Fleet)]),
            FakeEc2.Page([]),
            FakeEc2.Page([("i-3", "running", "10.0.0.3", Fleet), ("i-4", "pending", "10.0.0.4", Fleet), ("i-5", "running", null, Fleet)]),
        ];

        var result = await bed.Provider(bed.Options(o => o with { Port = 7946 })).DiscoverAsync(Deadline);

        result.ContactPoints.Select(c => c.Address.Host).Should().Equal("10.0.0.1", "10.0.0.3");
        bed.Ec2.Forms.Select(f => f.GetValueOrDefault("NextToken")).Should().Equal(null, "page-1", "page-2");
    }

    [Fact]
    public async Task No_credentials_in_the_chain_names_the_sources_checked()
    {
        await using var bed = await AwsTestbed.StartAsync();

        var act = () => bed.Provider(credentials: _ => throw new AmazonClientException("Failed to resolve AWS credentials.")).DiscoverAsync(Deadline);

        var message = (await act.Should().ThrowAsync<DiscoveryException>()).Which.Message;
        message.Should().StartWith("aws: no usable AWS credentials (Failed to resolve AWS credentials.)").And.Contain("AWS_ACCESS_KEY_ID").And.Contain("instance metadata");
        bed.Server.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task The_region_comes_from_the_environment_and_its_absence_is_named()
    {
        await using var bed = await AwsTestbed.StartAsync();
        var environment = new Dictionary<string, string> { ["AWS_DEFAULT_REGION"] = FakeEc2.Region };

        var fromEnvironment = await bed.Provider(bed.Options(o => o with { Region = "" }), environment: environment.GetValueOrDefault).DiscoverAsync(Deadline);
        var none = () => bed.Provider(bed.Options(o => o with { Region = "" })).DiscoverAsync(Deadline);

        fromEnvironment.ContactPoints.Should().BeEmpty();
        (await none.Should().ThrowAsync<DiscoveryException>()).Which.Message.Should().Contain("meshactors.discovery.aws.region").And.Contain("AWS_REGION");
    }
}
