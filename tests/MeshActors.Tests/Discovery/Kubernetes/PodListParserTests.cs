using MeshActors.Discovery.Kubernetes;
using static MeshActors.Tests.Discovery.Kubernetes.KubernetesJsonBuilder;

namespace MeshActors.Tests.Discovery.Kubernetes;

public sealed class PodListParserTests
{
    private static readonly TargetSelection Default = new("", "", 7946, IncludeNotReady: false);

    public static TheoryData<string, string, bool, string[]> Cases() => new()
    {
        { "running and ready", PodList(Pod("a", "10.0.0.1")), false, ["a@10.0.0.1:7946"] },
        { "not ready", PodList(Pod("a", "10.0.0.1", ready: false)), false, [] },
        { "not ready, included", PodList(Pod("a", "10.0.0.1", ready: false)), true, ["a@10.0.0.1:7946"] },
        { "pending", PodList(Pod("a", "10.0.0.1", phase: "Pending", ready: false)), false, [] },
        { "terminating", PodList(Pod("a", "10.0.0.1", terminating: true)), false, [] },
        { "terminating, not-ready included", PodList(Pod("a", "10.0.0.1", terminating: true)), true, [] },
        { "no IP yet", PodList(Pod("a", null)), true, [] },
        { "deleted: absent from the list", PodList(), false, [] },
        { "several pods", PodList(Pod("a", "10.0.0.1"), Pod("b", "10.0.0.2", ready: false), Pod("c", "10.0.0.3")), false, ["a@10.0.0.1:7946", "c@10.0.0.3:7946"] },
        { "items null", """{"kind":"PodList","items":null}""", false, [] },
        { "hostile shapes", """{"items":[1,"x",null,{"metadata":7,"status":{"podIP":5}},{"status":{"podIP":"10.0.0.9","phase":"Running","conditions":"no"}}]}""", false, [] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Only_running_ready_live_pods_become_targets(string name, string json, bool includeNotReady, string[] expected)
    {
        var targets = PodListParser.Parse(json, Default with { IncludeNotReady = includeNotReady }, "fallback-ns");

        targets.Select(t => $"{t.PodName}@{t.Ip}:{t.Port}").Should().Equal(expected, name);
    }

    [Fact]
    public void A_named_port_is_used_and_a_pod_without_it_yields_no_target()
    {
        var json = PodList(Pod("a", "10.0.0.1", ports: ("mesh", 9000)), Pod("b", "10.0.0.2", ports: ("http", 8080)));

        var targets = PodListParser.Parse(json, Default with { PortName = "mesh" }, "ns");

        targets.Should().ContainSingle().Which.Should().Be(new KubernetesTarget("a", Namespace, "10.0.0.1", 9000));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("""{"kind":"Status"}""")]
    public void Text_that_is_not_a_list_is_a_FormatException(string json)
    {
        var act = () => PodListParser.Parse(json, Default, "ns");

        act.Should().Throw<FormatException>();
    }

    [Fact]
    public void The_shared_fixture_picks_the_running_container_and_not_the_crashing_sidecar()
    {
        var json = File.ReadAllText(TestPaths.Fixture("kubernetes", "podlist-multi-container.json"));

        var userFunction = PodListParser.Parse(json, Default with { ContainerName = "user-function" }, "ns");
        var sidecar = PodListParser.Parse(json, Default with { ContainerName = "cloudstate-sidecar" }, "ns");
        var byPodCondition = PodListParser.Parse(json, Default, "ns");

        var target = userFunction.Should().ContainSingle().Subject;
        target.Ip.Should().Be("10.8.7.9");
        target.PodHost("cluster.local").Should().Be("10-8-7-9.b58dbc88-3651-4fb4-8408-60c375592d1d.pod.cluster.local");
        sidecar.Should().BeEmpty("the sidecar container is waiting in CrashLoopBackOff");
        byPodCondition.Should().BeEmpty("the pod's own Ready condition is False");
    }
}
