using MeshActors.Actors;

namespace MeshActors.Tests.Actors;

public sealed class ActorTimerTests
{
    private sealed class TimerActor(List<string> log) : Actor<string>
    {
        protected override void Handle(string message)
        {
            switch (message)
            {
                case "single":
                    Context.Timers.StartSingle("k", "fired", TimeSpan.FromSeconds(1));
                    break;
                case "periodic":
                    Context.Timers.StartPeriodic("p", "tick", TimeSpan.FromSeconds(1));
                    break;
                case "cancel-p":
                    Context.Timers.Cancel("p");
                    break;
                case "replace":
                    Context.Timers.StartSingle("k", "first", TimeSpan.FromSeconds(1));
                    Context.Timers.StartSingle("k", "second", TimeSpan.FromSeconds(3));
                    break;
                default:
                    log.Add($"{message}@{Context.Time.GetTimestamp() / TimeSpan.TicksPerMillisecond}");
                    break;
            }
        }
    }

    private static (Simulation.Simulation Sim, IActorRef<string> Actor, List<string> Log) Start()
    {
        var log = new List<string>();
        var sim = new Simulation.Simulation(7);
        var node = sim.AddNode("n", _ => { });
        return (sim, node.System.Spawn<string>("timers", () => new TimerActor(log)), log);
    }

    [Fact]
    public void A_single_timer_fires_once_after_its_delay()
    {
        var (sim, actor, log) = Start();
        actor.Tell("single");
        sim.RunFor(TimeSpan.FromSeconds(10));
        log.Should().Equal("fired@1000");
    }

    [Fact]
    public void A_periodic_timer_fires_every_interval_until_cancelled()
    {
        var (sim, actor, log) = Start();
        actor.Tell("periodic");
        sim.RunFor(TimeSpan.FromSeconds(3.5));
        actor.Tell("cancel-p");
        sim.RunFor(TimeSpan.FromSeconds(10));
        log.Should().Equal("tick@1000", "tick@2000", "tick@3000");
    }

    [Fact]
    public void Starting_a_timer_with_a_used_key_replaces_it()
    {
        var (sim, actor, log) = Start();
        actor.Tell("replace");
        sim.RunFor(TimeSpan.FromSeconds(10));
        log.Should().Equal("second@3000");
    }

    [Fact]
    public void A_tick_already_in_the_mailbox_is_dropped_once_its_timer_is_cancelled_or_replaced()
    {
        var sim = new Simulation.Simulation(3);
        var queued = new List<ActorTimers<string>.TimerTick>();
        var timers = new ActorTimers<string>(sim.Clock, queued.Add);

        timers.StartSingle("a", "cancelled", TimeSpan.FromSeconds(1));
        timers.StartPeriodic("b", "replaced", TimeSpan.FromSeconds(1));
        sim.RunFor(TimeSpan.FromSeconds(1));
        queued.Should().HaveCount(2, "both ticks reached the mailbox");

        timers.Cancel("a");
        timers.StartPeriodic("b", "replacement", TimeSpan.FromSeconds(5));

        timers.Accept(queued[0]).Should().BeFalse();
        timers.Accept(queued[1]).Should().BeFalse();
        timers.IsActive("b").Should().BeTrue();
    }

    [Fact]
    public void A_single_tick_is_accepted_once_and_ends_its_timer()
    {
        var sim = new Simulation.Simulation(3);
        var queued = new List<ActorTimers<string>.TimerTick>();
        var timers = new ActorTimers<string>(sim.Clock, queued.Add);

        timers.StartSingle("a", "x", TimeSpan.FromSeconds(1));
        sim.RunFor(TimeSpan.FromSeconds(2));

        timers.Accept(queued.Single()).Should().BeTrue();
        timers.IsActive("a").Should().BeFalse();
        timers.Accept(queued.Single()).Should().BeFalse();
    }
}
