using MeshActors.Simulation;

namespace MeshActors.Simulation.Tests;

public sealed class NetworkFaultTests
{
    private sealed record Probe(int N);

    /// <summary>Two nodes; node 1 records (arrival ms, message) of everything it receives.</summary>
    private static (Simulation Sim, List<(double AtMs, object Message)> Arrivals) TwoNodes(LinkProfile link, ulong seed = 11)
    {
        var arrivals = new List<(double, object)>();
        var sim = new Simulation(seed, new SimulationOptions { DefaultLink = link });
        sim.AddNode("a", n => n.Receiver = (_, m) => { });
        sim.AddNode("b", n => n.Receiver = (_, m) => arrivals.Add((sim.Now.TotalMilliseconds, m)));
        return (sim, arrivals);
    }

    private static readonly LinkProfile FiveMs = LinkProfile.Lan with { Latency = LatencyDistribution.Constant(TimeSpan.FromMilliseconds(5)) };

    [Fact]
    public void A_message_arrives_after_the_link_latency()
    {
        var (sim, arrivals) = TwoNodes(FiveMs);
        sim.Nodes[0].Send(1, new Probe(1));
        sim.RunFor(TimeSpan.FromSeconds(1));
        arrivals.Should().Equal((5.0, new Probe(1)));
    }

    [Theory]
    [InlineData(0.0, 1000)]
    [InlineData(1.0, 0)]
    public void Loss_zero_and_one_are_exact(double loss, int expected)
    {
        var (sim, arrivals) = TwoNodes(FiveMs with { Loss = loss });
        for (var i = 0; i < 1000; i++)
        {
            sim.Nodes[0].Send(1, new Probe(i));
        }

        sim.RunFor(TimeSpan.FromSeconds(1));
        arrivals.Should().HaveCount(expected);
        sim.Network.Lost.Should().Be(1000 - expected);
    }

    [Fact]
    public void Thirty_percent_loss_drops_about_thirty_percent()
    {
        var (sim, arrivals) = TwoNodes(FiveMs with { Loss = 0.3 });
        for (var i = 0; i < 10_000; i++)
        {
            sim.Nodes[0].Send(1, new Probe(i));
        }

        sim.RunFor(TimeSpan.FromSeconds(1));
        arrivals.Count.Should().BeInRange(6_800, 7_200);
    }

    [Fact]
    public void Duplication_delivers_a_second_copy()
    {
        var (sim, arrivals) = TwoNodes(FiveMs with { Duplication = 1.0 });
        sim.Nodes[0].Send(1, new Probe(1));
        sim.RunFor(TimeSpan.FromSeconds(1));
        arrivals.Select(a => a.Message).Should().Equal(new Probe(1), new Probe(1));
    }

    [Fact]
    public void Reordering_lets_a_later_message_overtake_a_held_back_one()
    {
        var (sim, arrivals) = TwoNodes(FiveMs with { Reordering = 0.5, ReorderDelay = TimeSpan.FromMilliseconds(20) });
        for (var i = 0; i < 100; i++)
        {
            sim.Nodes[0].Send(1, new Probe(i));
        }

        sim.RunFor(TimeSpan.FromSeconds(1));
        var order = arrivals.Select(a => ((Probe)a.Message).N).ToList();
        order.Should().HaveCount(100).And.NotBeInAscendingOrder();
        arrivals.Select(a => a.AtMs).Distinct().Should().BeEquivalentTo(new[] { 5.0, 25.0 });
    }

    [Fact]
    public void A_one_way_partition_blocks_one_direction_until_healed()
    {
        var received = new List<(int Node, object Message)>();
        var sim = new Simulation(3, new SimulationOptions { DefaultLink = FiveMs });
        for (var i = 0; i < 2; i++)
        {
            sim.AddNode($"n{i}", n => n.Receiver = (_, m) => received.Add((n.Id, m)));
        }

        sim.Network.Partition([0], [1], oneWay: true);
        sim.Nodes[0].Send(1, new Probe(1));
        sim.Nodes[1].Send(0, new Probe(2));
        sim.RunFor(TimeSpan.FromSeconds(1));
        received.Should().Equal((0, new Probe(2)));
        sim.Network.Blocked.Should().Be(1);

        sim.Network.Heal();
        sim.Nodes[0].Send(1, new Probe(3));
        sim.RunFor(TimeSpan.FromSeconds(1));
        received.Should().Equal((0, new Probe(2)), (1, new Probe(3)));
    }

    [Fact]
    public void A_partition_also_drops_messages_already_in_flight()
    {
        var (sim, arrivals) = TwoNodes(FiveMs);
        sim.Nodes[0].Send(1, new Probe(1));
        sim.At(TimeSpan.FromMilliseconds(2), () => sim.Network.Partition([0], [1]));
        sim.RunFor(TimeSpan.FromSeconds(1));
        arrivals.Should().BeEmpty();
    }

    [Fact]
    public void Bad_link_settings_are_refused_by_name()
    {
        var sim = new Simulation(1);
        var act = () => sim.Network.DefaultLink = LinkProfile.Lan with { Loss = 1.5 };
        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*Loss is a probability*");
    }
}
