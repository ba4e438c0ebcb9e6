using MeshActors.Views.Overlay;
using MeshActors.Views.Pex;
using MeshActors.Views.Wire;

namespace MeshActors.Tests.Views.Pex;

public sealed class PexIntakeTests
{
    private static readonly OverlayPeer Self = new("self", "akka.ssl.tcp://mesh@10.0.0.1:4053");
    private static readonly OverlayPeer From = new("peer", "akka.ssl.tcp://mesh@10.0.0.2:4053");

    private static PexEntry E(string id, string address) => new(id, address, 0, 0);

    [Fact]
    public void Good_entries_are_kept_in_order_and_each_bad_one_is_dropped_and_counted()
    {
        PexEntry[] entries =
        [
            E("a", "akka.ssl.tcp://mesh@10.0.0.3:4053"),
            E("b", "akka.tcp://mesh@[fe80::1]:4053"),
            E("c", "akka.tcp://mesh@host-c.example:1"),
            E("-x", "akka.tcp://mesh@10.0.0.4:1"),
            E("d", "akka.tcp://other@10.0.0.4:1"),
            E("e", "akka.tcp://mesh@10.0.0.4:1/user/x"),
            E("f", "http://mesh@10.0.0.4:1"),
            E("g", "akka.tcp://mesh@10.0.0.4"),
            E("h", "akka.tcp://mesh@10.0.0.4:70000"),
            E("i", "not an address"),
            E("self", "akka.tcp://mesh@10.0.0.9:1"),
            E("j", Self.Address),
            E("a", "akka.tcp://mesh@10.0.0.5:1"),
        ];

        var result = PexIntake.Accept(new PexResponse(From, [.. entries], false), 16, Self, "mesh");

        result.Oversized.Should().BeFalse();
        result.Accepted.Select(e => e.NodeId).Should().Equal("a", "b", "c");
        result.Dropped.Should().BeEquivalentTo(new Dictionary<string, int>
        {
            ["bad-node-id"] = 1, ["foreign-cluster"] = 1, ["bad-address"] = 5, ["self"] = 2, ["duplicate"] = 1,
        });
    }

    [Theory]
    [InlineData(16, 16, false)]
    [InlineData(17, 16, true)]
    [InlineData(1, 0, true)]
    public void More_entries_than_the_cap_refuse_the_whole_response(int entries, int cap, bool oversized)
    {
        var response = new PexResponse(From, [.. Enumerable.Range(0, entries).Select(i => E("n" + i, $"akka.tcp://mesh@10.0.1.{i}:1"))], false);

        var result = PexIntake.Accept(response, cap, Self, "mesh");

        result.Oversized.Should().Be(oversized);
        result.Accepted.Length.Should().Be(oversized ? 0 : entries);
        if (oversized)
        {
            result.Dropped.Should().Equal(new Dictionary<string, int> { ["oversized"] = entries });
        }
    }

    [Fact]
    public void An_empty_or_refused_response_accepts_nothing_and_drops_nothing()
    {
        var result = PexIntake.Accept(new PexResponse(From, default, true), 16, Self, "mesh");

        result.Accepted.Should().BeEmpty();
        result.Dropped.Should().BeEmpty();
    }
}
