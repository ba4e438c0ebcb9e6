using MeshActors.Discovery.Kubernetes;
using static MeshActors.Tests.Discovery.Kubernetes.KubernetesJsonBuilder;

namespace MeshActors.Tests.Discovery.Kubernetes;

public sealed class EndpointSliceParserTests
{
    private static readonly (string, int)[] MeshPort = [("mesh", 7950)];

    public static TheoryData<string, string, bool, string[]> Cases() => new()
    {
        { "ready", SliceList(Slice("IPv4", MeshPort, Endpoint("10.0.0.1", "p1"))), false, ["p1@10.0.0.1:7950"] },
        { "ready absent means ready", SliceList(Slice("IPv4", MeshPort, Endpoint("10.0.0.1", "p1", ready: null, terminating: null))), false, ["p1@10.0.0.1:7950"] },
        { "not ready", SliceList(Slice("IPv4", MeshPort, Endpoint("10.0.0.1", "p1", ready: false))), false, [] },
        { "not ready, included", SliceList(Slice("IPv4", MeshPort, Endpoint("10.0.0.1", "p1", ready: false))), true, ["p1@10.0.0.1:7950"] },
        { "terminating", SliceList(Slice("IPv4", MeshPort, Endpoint("10.0.0.1", "p1", ready: false, terminating: true))), true, [] },
        { "FQDN slice skipped", SliceList(Slice("FQDN", MeshPort, Endpoint("node.example.com", "p1"))), false, [] },
        { "no port of that name", SliceList(Slice("IPv4", [("http", 80)], Endpoint("10.0.0.1", "p1"))), false, [] },
        {
            "two slices, IPv6 too", SliceList(
                Slice("IPv4", MeshPort, Endpoint("10.0.0.1", "p1"), Endpoint("10.0.0.2", "p2", ready: false)),
                Slice("IPv6", MeshPort, Endpoint("fd00::3", "p3"))), false, ["p1@10.0.0.1:7950", "p3@fd00::3:7950"]
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Endpoint_conditions_decide(string name, string json, bool includeNotReady, string[] expected)
    {
        var targets = EndpointSliceParser.Parse(json, new TargetSelection("", "mesh", 7946, includeNotReady), "ns");

        targets.Select(t => $"{t.PodName}@{t.Ip}:{t.Port}").Should().Equal(expected, name);
    }

    [Fact]
    public void Without_a_port_name_the_configured_port_is_used()
    {
        var json = SliceList(Slice("IPv4", MeshPort, Endpoint("10.0.0.1", "p1")));

        EndpointSliceParser.Parse(json, new TargetSelection("", "", 7946, false), "ns")
            .Should().ContainSingle().Which.Port.Should().Be(7946);
    }
}
