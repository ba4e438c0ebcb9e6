using Akka.Actor;
using System.Diagnostics;
using MeshActors.Events.Delivery;
using MeshActors.Views.Overlay;

namespace MeshActors.Tests.Events.Delivery;

/// <summary>
/// Five routers over Akka.Remote linked in a ring n0 … n4 – n0: the first broadcast prunes the
/// ring's extra link to lazy (one duplicate, then none), and when a tree link goes down the
/// next event still reaches every subscriber through the lazy link (IHAVE, then GRAFT).
/// </summary>
public sealed class EventRingTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private LinkedRouters _ring = null!;

    public async Task InitializeAsync()
    {
        _ring = await LinkedRouters.StartAsync(5, new EventsOptions { MissingTimeout = TimeSpan.FromMilliseconds(200), GraftRetry = TimeSpan.FromMilliseconds(200) });
        for (var i = 0; i < 5; i++)
        {
            _ring.Link(i, (i + 1) % 5);
        }
    }

    public async Task DisposeAsync() => await _ring.DisposeAsync();

    [Fact]
    public async Task The_ring_settles_into_a_tree_and_repairs_it_when_a_link_goes_down()
    {
        var n = _ring.Nodes;
        var boxes = n.Select(node => node.Subscribe("#")).ToList();

        n[0].Events.Publish("ring.first", "1");
        await Until("everyone has the first event", () => boxes.All(b => b.Of<ReceivedEvent>().Count == 1));
        await Until("the ring's extra link is pruned", () => n.Sum(x => x.Metrics.WireMessages.WithLabels("prune").Value) >= 1);

        n[0].Events.Publish("ring.second", "2");
        await Until("everyone has the second event", () => boxes.All(b => b.Of<ReceivedEvent>().Count == 2));
        var duplicatesBefore = n.Sum(x => x.Metrics.Duplicates.Value);

        // Cut the first tree link out of n0 that carried a payload: n0 – n1.
        n[0].Router.Tell(new OverlayLinkDown(n[1].Peer, Failed: true));
        n[1].Router.Tell(new OverlayLinkDown(n[0].Peer, Failed: true));
        n[0].Events.Publish("ring.third", "3");

        await Until("everyone has the third event despite the cut", () => boxes.All(b => b.Of<ReceivedEvent>().Count == 3));
        boxes.Should().OnlyContain(b => b.Of<ReceivedEvent>().Select(e => e.Topic).Distinct().Count() == 3, "nobody gets an event twice");
        n.Sum(x => x.Metrics.Duplicates.Value).Should().BeLessThanOrEqualTo(duplicatesBefore + 1);
    }

    private static async Task Until(string what, Func<bool> condition)
    {
        var clock = Stopwatch.StartNew();
        using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(20));
        while (!condition())
        {
            clock.Elapsed.Should().BeLessThan(Deadline, what);
            await poll.WaitForNextTickAsync();
        }
    }
}
