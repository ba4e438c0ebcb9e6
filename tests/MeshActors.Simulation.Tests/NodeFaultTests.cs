using MeshActors.Actors;
using MeshActors.Simulation;

namespace MeshActors.Simulation.Tests;

public sealed class NodeFaultTests
{
    private sealed class TickCounter(List<double> ticks, Simulation sim) : Actor<string>
    {
        protected override void PreStart() => Context.Timers.StartPeriodic("t", "tick", TimeSpan.FromSeconds(1));

        protected override void Handle(string message) => ticks.Add(sim.Now.TotalSeconds);
    }

    [Fact]
    public void A_paused_node_runs_nothing_until_it_resumes_then_catches_up()
    {
        var ticks = new List<double>();
        var inbound = new List<double>();
        var sim = new Simulation(4, new SimulationOptions { DefaultLink = LinkProfile.Lan with { Latency = LatencyDistribution.Constant(TimeSpan.FromMilliseconds(1)) } });
        sim.AddNode("sender", _ => { });
        sim.AddNode("paused", n =>
        {
            n.System.Spawn<string>("ticks", () => new TickCounter(ticks, sim));
            n.Receiver = (_, _) => inbound.Add(sim.Now.TotalSeconds);
        });

        sim.At(TimeSpan.FromSeconds(2.5), () => sim.Nodes[1].Pause(TimeSpan.FromSeconds(3)));
        sim.At(TimeSpan.FromSeconds(3), () => sim.Nodes[0].Send(1, "hello"));
        sim.RunFor(TimeSpan.FromSeconds(7.2));

        ticks.Should().Equal([1, 2, 5.5, 6.5], "ticks due during the stall coalesce into one at resume, and the period restarts there");
        inbound.Should().Equal(5.5);
    }

    [Fact]
    public void A_crash_loses_state_and_messages_and_a_restart_runs_setup_again()
    {
        var starts = 0;
        var received = new List<object>();
        var sim = new Simulation(5);
        sim.AddNode("sender", _ => { });
        var node = sim.AddNode("victim", n =>
        {
            starts++;
            n.Receiver = (_, m) => received.Add(m);
        });

        node.Crash();
        sim.Nodes[0].Send(1, "lost");
        sim.RunFor(TimeSpan.FromSeconds(1));
        node.State.Should().Be(SimulatedNodeState.Crashed);
        sim.Network.Undeliverable.Should().Be(1);

        node.Restart();
        sim.Nodes[0].Send(1, "after");
        sim.RunFor(TimeSpan.FromSeconds(1));
        starts.Should().Be(2);
        node.Incarnation.Should().Be(2);
        received.Should().Equal("after");
    }

    [Fact]
    public void Timers_of_a_crashed_incarnation_never_fire_in_the_next()
    {
        var ticks = new List<double>();
        var sim = new Simulation(6);
        var node = sim.AddNode("n", n => n.System.Spawn<string>("ticks", () => new TickCounter(ticks, sim)));
        sim.RunFor(TimeSpan.FromSeconds(1.5));
        node.Crash();
        sim.RunFor(TimeSpan.FromSeconds(1));
        node.Restart();
        sim.RunFor(TimeSpan.FromSeconds(1.2));

        ticks.Should().Equal(1, 3.5);
    }

    [Fact]
    public void Clock_skew_moves_the_wall_clock_but_not_timestamps()
    {
        var sim = new Simulation(7);
        var a = sim.AddNode("a", _ => { });
        var b = sim.AddNode("b", _ => { });
        b.ClockSkew = TimeSpan.FromSeconds(30);
        sim.RunFor(TimeSpan.FromSeconds(2));

        (b.Time.GetUtcNow() - a.Time.GetUtcNow()).Should().Be(TimeSpan.FromSeconds(30));
        b.Time.GetTimestamp().Should().Be(a.Time.GetTimestamp());
        a.Time.GetUtcNow().Should().Be(Simulation.Epoch + TimeSpan.FromSeconds(2));
    }
}
