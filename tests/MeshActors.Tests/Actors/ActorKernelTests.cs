using MeshActors.Actors;
using MeshActors.Simulation;
using static MeshActors.Tests.Actors.TestActors;

namespace MeshActors.Tests.Actors;

public sealed class ActorKernelTests
{
    [Fact]
    public async Task Messages_from_many_threads_are_handled_one_at_a_time()
    {
        await using var system = new ActorSystem("t");
        var counter = system.Spawn<object>("counter", () => new Counter());
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 2_000; i++)
            {
                counter.Tell(new Add(1));
            }
        })));

        var total = await counter.Ask((IActorRef<int> r) => new Get(r), TimeSpan.FromSeconds(10));

        total.Should().Be(16_000, "a lost update would mean two messages were handled at once");
    }

    [Fact]
    public async Task Ask_times_out_on_the_injected_clock()
    {
        var sim = new Simulation.Simulation(1);
        var node = sim.AddNode("n", _ => { });
        var silent = node.System.Spawn<object>("silent", () => new Counter());

        var reply = silent.Ask((IActorRef<string> _) => new Add(1), TimeSpan.FromSeconds(2));
        sim.RunFor(TimeSpan.FromSeconds(1.9));
        reply.IsCompleted.Should().BeFalse();
        sim.RunFor(TimeSpan.FromSeconds(0.2));

        var act = async () => await reply;
        (await act.Should().ThrowAsync<AskTimeoutException>()).WithMessage("*/user/silent did not reply within 2000 ms*");
    }

    [Fact]
    public async Task A_stopped_actor_runs_PostStop_once_and_turns_later_messages_into_dead_letters()
    {
        var events = new List<string>();
        await using var system = new ActorSystem("t");
        var counter = system.Spawn<object>("c", () => new Counter(events));

        await system.StopAsync(counter);
        counter.Tell(new Add(1));
        counter.Tell(new Add(2));

        events.Should().Equal("start", "stop");
        system.DeadLetterCount.Should().Be(2);
    }

    [Fact]
    public void Children_stop_before_their_parent()
    {
        var log = new List<string>();
        var sim = new Simulation.Simulation(2);
        var node = sim.AddNode("n", _ => { });
        var parent = node.System.Spawn<string>("parent", () => new Recorder(log, "parent"));
        parent.Tell("spawn:child");
        sim.RunFor(TimeSpan.FromMilliseconds(1));

        var stopped = node.System.StopAsync(parent);
        sim.RunFor(TimeSpan.FromMilliseconds(1));

        stopped.IsCompletedSuccessfully.Should().BeTrue();
        log.Should().Equal("parent:start", "child:start", "child:stop", "parent:stop");
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("slash/inside")]
    public async Task Invalid_names_are_refused_with_the_rule(string name)
    {
        await using var system = new ActorSystem("t");
        var act = () => system.Spawn<object>(name, () => new Counter());
        act.Should().Throw<ArgumentException>().WithMessage("*letters, digits*");
    }

    [Fact]
    public async Task Two_live_actors_cannot_share_a_name()
    {
        await using var system = new ActorSystem("t");
        system.Spawn<object>("same", () => new Counter());
        var act = () => system.Spawn<object>("same", () => new Counter());
        act.Should().Throw<InvalidOperationException>().WithMessage("*'/user/same' already exists*");
    }
}
