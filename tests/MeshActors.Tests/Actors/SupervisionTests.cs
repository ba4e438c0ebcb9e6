using MeshActors.Actors;
using Microsoft.Extensions.Logging;
using static MeshActors.Tests.Actors.TestActors;

namespace MeshActors.Tests.Actors;

public sealed class SupervisionTests
{
    [Theory]
    [InlineData(1, 0.0, 100)]
    [InlineData(2, 0.0, 200)]
    [InlineData(3, 0.0, 400)]
    [InlineData(7, 0.0, 6_400)]
    [InlineData(8, 0.0, 10_000)]
    [InlineData(500, 0.0, 10_000)]
    [InlineData(1, 0.5, 110)]
    [InlineData(8, 0.999, 11_998)]
    public void Restart_delay_doubles_per_failure_up_to_the_cap_plus_jitter(int failures, double jitter, int expectedMs)
    {
        SupervisionStrategy.Default.RestartDelay(failures, jitter).TotalMilliseconds.Should().BeApproximately(expectedMs, 0.01);
    }

    [Fact]
    public void A_failing_actor_is_restarted_after_the_backoff_with_fresh_state_and_the_failing_message_dropped()
    {
        var logs = new CapturingLoggerProvider();
        var sim = new Simulation.Simulation(5, new Simulation.SimulationOptions { LoggerFactory = LoggerFactory.Create(b => b.AddProvider(logs)) });
        var node = sim.AddNode("n", _ => { });
        var strategy = SupervisionStrategy.Default with { RandomFactor = 0 };
        var events = new List<string>();
        var counter = node.System.Spawn<object>("c", () => new Counter(events), strategy);
        var replies = new List<int>();
        var replyTo = node.System.Spawn<int>("replies", () => new Collect(replies));

        counter.Tell(new Add(5));
        counter.Tell(new Boom("bad input"));
        counter.Tell(new Add(2));
        counter.Tell(new Get(replyTo));
        sim.RunFor(TimeSpan.FromMilliseconds(99));
        replies.Should().BeEmpty("the actor waits out its 100 ms backoff");
        sim.RunFor(TimeSpan.FromMilliseconds(2));

        replies.Should().Equal([2], "the new instance starts from zero and the failing message is gone");
        events.Should().Equal("start", "stop", "start");
        logs.Entries.Should().ContainSingle(e => e.EventId == 1001 && e.Message.Contains("/user/c failed (1 in a row); restarting in 100 ms") && e.Exception!.Message == "bad input");
    }

    [Fact]
    public void An_actor_that_keeps_failing_is_stopped_after_the_limit()
    {
        var logs = new CapturingLoggerProvider();
        var sim = new Simulation.Simulation(5, new Simulation.SimulationOptions { LoggerFactory = LoggerFactory.Create(b => b.AddProvider(logs)) });
        var node = sim.AddNode("n", _ => { });
        var counter = node.System.Spawn<object>("c", () => new Counter(), SupervisionStrategy.Default with { MaxConsecutiveFailures = 2 });

        for (var i = 0; i < 3; i++)
        {
            counter.Tell(new Boom("again"));
            sim.RunFor(TimeSpan.FromSeconds(1));
        }

        counter.Tell(new Add(1));
        sim.RunFor(TimeSpan.FromSeconds(1));
        logs.Entries.Count(e => e.EventId == 1001).Should().Be(2);
        logs.Entries.Should().ContainSingle(e => e.EventId == 1002);
        node.System.DeadLetterCount.Should().Be(1);
    }

    private sealed class Collect(List<int> into) : Actor<int>
    {
        protected override void Handle(int message) => into.Add(message);
    }
}
