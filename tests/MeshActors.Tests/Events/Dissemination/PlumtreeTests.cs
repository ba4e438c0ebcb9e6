using MeshActors.Events.Dissemination;
using static MeshActors.Tests.Events.Dissemination.Trees;
using P = MeshActors.Events.Dissemination.PlumtreeMessage;

namespace MeshActors.Tests.Events.Dissemination;

/// <summary>Plumtree's handlers, one case per row of the paper's algorithm.</summary>
public sealed class PlumtreeTests
{
    [Fact]
    public void A_broadcast_is_delivered_here_pushed_to_eager_peers_and_announced_to_lazy_ones()
    {
        var step = Plumtree.Broadcast(Node(0, eager: [1, 2], lazy: [3]), 7, ReadOnlyMemory<byte>.Empty, At(0));

        step.Delivered.Should().Be(Gossip(7));
        step.Sent().Should().Equal((1, Gossip(7)), (2, Gossip(7)), (3, new P.IHave(7, 0)));
        step.State.Received.Contains(7).Should().BeTrue();
    }

    [Fact]
    public void A_first_copy_is_delivered_with_one_more_hop_forwarded_to_all_but_the_sender_and_its_link_made_eager()
    {
        var step = Plumtree.OnGossip(Node(0, eager: [1, 2], lazy: [3, 4]), 3, Gossip(7, 2), At(1));

        step.Delivered.Should().Be(Gossip(7, 3));
        step.Sent().Should().BeEquivalentTo(new (int, P)[] { (1, Gossip(7, 3)), (2, Gossip(7, 3)), (4, new P.IHave(7, 3)) });
        step.State.Eager.Should().Contain(3);
        step.State.Lazy.Should().Equal(4);
    }

    [Fact]
    public void A_duplicate_prunes_its_link_to_lazy()
    {
        var had = Plumtree.OnGossip(Node(0, eager: [1, 2]), 1, Gossip(7), At(1)).State;

        var step = Plumtree.OnGossip(had, 2, Gossip(7, 4), At(2));

        step.Delivered.Should().BeNull();
        step.Sent().Should().Equal((2, new P.Prune()));
        step.State.Eager.Should().Equal(1);
        step.State.Lazy.Should().Equal(2);
    }

    [Fact]
    public void A_prune_makes_the_link_lazy_and_a_graft_makes_it_eager_and_resends()
    {
        var had = Plumtree.Broadcast(Node(0, eager: [1]), 7, ReadOnlyMemory<byte>.Empty, At(0)).State;

        var pruned = Plumtree.OnPrune(had, 1).State;
        pruned.Lazy.Should().Equal(1);

        var grafted = Plumtree.OnGraft(pruned, 1, new P.Graft(7, 0));
        grafted.State.Eager.Should().Equal(1);
        grafted.Sent().Should().Equal((1, Gossip(7)));
        Plumtree.OnGraft(pruned, 1, new P.Graft(99, 0)).Sends.Should().BeEmpty();
    }

    [Fact]
    public void An_announcement_of_an_unseen_message_sets_one_timer_and_queues_every_announcer()
    {
        var first = Plumtree.OnIHave(Node(0, lazy: [1, 2]), 1, new P.IHave(7, 3), At(10));
        first.WakeAt.Should().Be(At(10) + Options.MissingTimeout);

        var second = Plumtree.OnIHave(first.State, 2, new P.IHave(7, 1), At(10.5));
        second.WakeAt.Should().BeNull();
        second.State.Missing[7].Announcers.Should().Equal((1, 3), (2, 1));
        second.State.Missing[7].Deadline.Should().Be(At(10) + Options.MissingTimeout);
    }

    [Fact]
    public void An_announcement_of_a_received_message_is_ignored()
    {
        var had = Plumtree.Broadcast(Node(0, lazy: [1]), 7, ReadOnlyMemory<byte>.Empty, At(0)).State;

        Plumtree.OnIHave(had, 1, new P.IHave(7, 0), At(1)).State.Should().BeSameAs(had);
    }

    public static TheoryData<double, int[]> TimerCases => new()
    {
        // now (s), grafted peers: before the deadline nothing; at it the first announcer; then the next after the retry timeout.
        { 11.9, [] },
        { 12.0, [1] },
    };

    [Theory]
    [MemberData(nameof(TimerCases))]
    public void A_timer_grafts_the_oldest_announcer_when_due(double now, int[] grafted)
    {
        var missing = Plumtree.OnIHave(Node(0, lazy: [1, 2]), 1, new P.IHave(7, 3), At(10)).State;
        missing = Plumtree.OnIHave(missing, 2, new P.IHave(7, 3), At(10)).State;

        var step = Plumtree.OnTimer(missing, At(now));

        step.Sent().Select(s => s.To).Should().Equal(grafted);
        step.Sent().Select(s => s.Message).Should().AllBeEquivalentTo(new P.Graft(7, 3));
        if (grafted.Length > 0)
        {
            step.State.Eager.Should().Equal(1);
            step.WakeAt.Should().Be(At(now) + Options.GraftRetryTimeout);
            var retry = Plumtree.OnTimer(step.State, step.WakeAt!.Value);
            retry.Sent().Should().Equal((2, new P.Graft(7, 3)));
        }
    }

    [Fact]
    public void The_payload_cancels_the_timer()
    {
        var missing = Plumtree.OnIHave(Node(0, eager: [2], lazy: [1]), 1, new P.IHave(7, 3), At(10)).State;

        var received = Plumtree.OnGossip(missing, 2, Gossip(7, 1), At(10.5)).State;

        received.Missing.Should().BeEmpty();
        Plumtree.OnTimer(received, At(20)).Sends.Should().BeEmpty();
    }

    [Fact]
    public void A_new_link_starts_eager_and_hears_of_recent_messages()
    {
        var had = Plumtree.Broadcast(Node(0), 1, ReadOnlyMemory<byte>.Empty, At(0)).State;
        had = Plumtree.Broadcast(had, 2, ReadOnlyMemory<byte>.Empty, At(20)).State;

        var step = Plumtree.OnNeighborUp(had, 5, At(25));

        step.State.Eager.Should().Equal(5);
        step.Sent().Should().Equal((5, new P.IHave(2, 0)));
        var paper = Options with { AnnounceOnNeighborUp = TimeSpan.Zero };
        Plumtree.OnNeighborUp(Plumtree.Broadcast(Node(0, options: paper), 1, ReadOnlyMemory<byte>.Empty, At(0)).State, 5, At(1)).Sends.Should().BeEmpty("the paper's Plumtree announces nothing");
    }

    [Fact]
    public void A_lost_link_is_forgotten_also_as_an_announcer()
    {
        var missing = Plumtree.OnIHave(Node(0, lazy: [1, 2]), 1, new P.IHave(7, 3), At(10)).State;
        missing = Plumtree.OnIHave(missing, 2, new P.IHave(7, 3), At(10)).State;

        var step = Plumtree.OnNeighborDown(missing, 1);

        step.State.Lazy.Should().Equal(2);
        step.State.Missing[7].Announcers.Should().Equal((2, 3));
    }

    [Fact]
    public void The_received_cache_forgets_the_oldest_beyond_its_capacity()
    {
        var cache = ReceivedCache.Empty(2);
        foreach (var id in new long[] { 1, 2, 3, 3 })
        {
            cache = cache.Add(new ReceivedMessage(Gossip(id), At(id)));
        }

        cache.Count.Should().Be(2);
        cache.Contains(1).Should().BeFalse();
        cache.ReceivedSince(At(0)).Select(m => m.Gossip.Id).Should().Equal(2, 3);
    }
}
