using Akka.Discovery;
using Akka.Discovery.KubernetesApi;

namespace MeshActors.Tests.Discovery.Kubernetes;

/// <summary>
/// Why MeshActors keeps its own Kubernetes provider (src/MeshActors/Discovery/README.md):
/// Akka.Discovery.KubernetesApi 1.5.73 is built against KubernetesClient 17.0.14, which the
/// registry reachable here does not serve; restore takes 19.0.2 (NU1603, suppressed), whose
/// <c>V1PodList</c> lost the constructor the plugin's lookup calls, so every lookup fails before
/// any request. When this test fails, the plugin runs: revisit the decision.
/// </summary>
[Collection(KubeconfigCollection.Name)]
public sealed class KubernetesApiPluginTests
{
    [Fact]
    public async Task Akka_Discovery_KubernetesApi_1_5_73_loads_but_every_lookup_fails_on_the_KubernetesClient_restored_here()
    {
        await using var bed = await KubernetesApiTestbed.StartAsync();
        bed.Server.Respond(200, await File.ReadAllTextAsync(TestPaths.Fixture("kubernetes", "podlist-multi-container.json")));
        var discovery = await bed.LoadAsync();

        var act = () => discovery.Lookup(new Lookup("meshactors", "management", "tcp"), TimeSpan.FromSeconds(20));

        discovery.Should().BeOfType<KubernetesApiServiceDiscovery>();
        var plugin = typeof(KubernetesApiServiceDiscovery).Assembly;
        plugin.GetName().Version!.ToString(3).Should().Be("1.5.73");
        plugin.GetReferencedAssemblies().Single(a => a.Name == "KubernetesClient").Version!.Major.Should().Be(17);
        typeof(k8s.Kubernetes).Assembly.GetName().Version!.Major.Should().BeGreaterThan(17);
        (await act.Should().ThrowAsync<MissingMethodException>()).Which.Message.Should().Contain("V1PodList..ctor");
        bed.Server.Requests.Should().BeEmpty("the lookup fails when it is compiled, before it sends anything");
    }
}
