using MeshActors.Discovery;
using MeshActors.Discovery.Kubernetes;
using static MeshActors.Tests.Discovery.Kubernetes.KubernetesJsonBuilder;

namespace MeshActors.Tests.Discovery.Kubernetes;

public sealed class KubernetesDiscoveryProviderTests
{
    private static CancellationToken Deadline => new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token;

    [Fact]
    public async Task The_shared_fixture_yields_the_user_function_pod_with_its_dns_style_host()
    {
        await using var bed = await KubernetesTestbed.StartAsync();
        bed.Server.Respond(200, await File.ReadAllTextAsync(TestPaths.Fixture("kubernetes", "podlist-multi-container.json")));

        var userFunction = await bed.Provider(bed.Options(o => o with { ContainerName = "user-function", Port = 7950 })).DiscoverAsync(Deadline);
        var sidecar = await bed.Provider(bed.Options(o => o with { ContainerName = "cloudstate-sidecar" })).DiscoverAsync(Deadline);

        var point = userFunction.ContactPoints.Should().ContainSingle().Subject;
        point.Address.Should().Be(new NodeAddress("10.8.7.9", 7950));
        point.NodeId.Should().Be("mesh-b4b946946-g8vfj");
        point.Source.Should().Contain("10-8-7-9.b58dbc88-3651-4fb4-8408-60c375592d1d.pod.cluster.local");
        sidecar.ContactPoints.Should().BeEmpty();
    }

    [Fact]
    public async Task Lists_pods_by_selector_in_the_namespace_from_the_file_with_the_bearer_token()
    {
        await using var bed = await KubernetesTestbed.StartAsync();
        bed.Server.Respond(200, PodList(Pod("a", "10.0.0.1"), Pod("b", "10.0.0.2", ready: false), Pod("c", "10.0.0.3", terminating: true)));

        var result = await bed.Provider(bed.Options()).DiscoverAsync(Deadline);

        result.ContactPoints.Select(c => c.Address).Should().Equal(new NodeAddress("10.0.0.1", 7946));
        var request = bed.Server.Requests.Should().ContainSingle().Subject;
        request.PathAndQuery.Should().Be("/api/v1/namespaces/mesh-test/pods?labelSelector=app.kubernetes.io%2Fname%3Dmeshactors");
        request.Headers["Authorization"].Should().Be("Bearer token-1");
    }

    [Fact]
    public async Task The_token_is_read_again_on_every_run()
    {
        await using var bed = await KubernetesTestbed.StartAsync();
        var provider = bed.Provider(bed.Options());

        await provider.DiscoverAsync(Deadline);
        await File.WriteAllTextAsync(bed.TokenPath, "token-2");
        await provider.DiscoverAsync(Deadline);

        bed.Server.Requests.Select(r => r.Headers["Authorization"]).Should().Equal("Bearer token-1", "Bearer token-2");
    }

    [Fact]
    public async Task A_403_names_the_missing_RBAC_permission()
    {
        await using var bed = await KubernetesTestbed.StartAsync();
        bed.Server.Respond(403, """{"kind":"Status","reason":"Forbidden"}""");

        var pods = () => bed.Provider(bed.Options()).DiscoverAsync(Deadline);
        var slices = () => bed.Provider(bed.Options(o => o with { Mode = "endpoint-slices", ServiceName = "meshactors" })).DiscoverAsync(Deadline);

        (await pods.Should().ThrowAsync<DiscoveryException>()).Which.Message.Should().Be(
            "kubernetes: the service account may not list pods in namespace mesh-test (403): grant 'list' on 'pods' — see deploy/kubernetes/rbac.yaml");
        (await slices.Should().ThrowAsync<DiscoveryException>()).Which.Message.Should().Contain("grant 'list' on 'endpointslices' in API group 'discovery.k8s.io'");
    }

    [Fact]
    public async Task A_401_points_at_the_token()
    {
        await using var bed = await KubernetesTestbed.StartAsync();
        bed.Server.Respond(401, "{}");

        var act = () => bed.Provider(bed.Options()).DiscoverAsync(Deadline);

        (await act.Should().ThrowAsync<DiscoveryException>()).Which.Message.Should().Contain("(401)").And.Contain(bed.TokenPath);
    }

    [Fact]
    public async Task EndpointSlice_mode_lists_the_service_slices_and_honours_conditions()
    {
        await using var bed = await KubernetesTestbed.StartAsync();
        bed.Server.Respond(200, SliceList(Slice("IPv4", [("mesh", 7950)],
            Endpoint("10.0.0.1", "p1"), Endpoint("10.0.0.2", "p2", ready: false), Endpoint("10.0.0.3", "p3", terminating: true))));

        var result = await bed.Provider(bed.Options(o => o with { Mode = "endpoint-slices", ServiceName = "meshactors", ContainerPortName = "mesh" })).DiscoverAsync(Deadline);

        result.ContactPoints.Select(c => (c.Address, c.NodeId)).Should().Equal((new NodeAddress("10.0.0.1", 7950), "p1"));
        bed.Server.Requests.Single().PathAndQuery.Should().Be(
            "/apis/discovery.k8s.io/v1/namespaces/mesh-test/endpointslices?labelSelector=kubernetes.io%2Fservice-name%3Dmeshactors");
    }

    [Fact]
    public async Task An_untrusted_server_certificate_names_ca_path()
    {
        await using var bed = await KubernetesTestbed.StartAsync();

        var act = () => bed.Provider(bed.Options(o => o with { CaPath = "" })).DiscoverAsync(Deadline);

        (await act.Should().ThrowAsync<DiscoveryException>()).Which.Message.Should().Contain("TLS").And.Contain("meshactors.discovery.kubernetes.ca-path");
    }

    [Fact]
    public async Task A_missing_token_file_names_token_path()
    {
        await using var bed = await KubernetesTestbed.StartAsync();

        var act = () => bed.Provider(bed.Options(o => o with { TokenPath = Path.Combine(bed.Folder, "absent") })).DiscoverAsync(Deadline);

        (await act.Should().ThrowAsync<DiscoveryException>()).Which.Message.Should().Contain("meshactors.discovery.kubernetes.token-path");
        bed.Server.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task Without_api_server_the_in_cluster_service_variables_are_used()
    {
        await using var bed = await KubernetesTestbed.StartAsync();
        var environment = new Dictionary<string, string> { ["KUBERNETES_SERVICE_HOST"] = "127.0.0.1", ["KUBERNETES_SERVICE_PORT"] = bed.Server.BaseUri.Port.ToString() };

        var inPod = await bed.Provider(bed.Options(o => o with { ApiServer = "" }), environment.GetValueOrDefault).DiscoverAsync(Deadline);
        var outside = () => bed.Provider(bed.Options(o => o with { ApiServer = "" })).DiscoverAsync(Deadline);

        inPod.ContactPoints.Should().BeEmpty();
        bed.Server.Requests.Should().ContainSingle();
        (await outside.Should().ThrowAsync<DiscoveryException>()).Which.Message.Should().Contain("KUBERNETES_SERVICE_HOST").And.Contain("api-server");
    }
}
