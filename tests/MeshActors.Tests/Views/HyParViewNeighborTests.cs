using MeshActors.Views;
using static MeshActors.Tests.Views.ViewStates;
using M = MeshActors.Views.HyParViewMessage<int>;

namespace MeshActors.Tests.Views;

/// <summary>Neighbour requests and replies, disconnects, failures and the periodic tick.</summary>
public sealed class HyParViewNeighborTests
{
    private static readonly int[] Full = Enumerable.Range(1, Options.ActiveHigh).ToArray();

    public static TheoryData<int[], NeighborPriority, bool> NeighborCases => new()
    {
        // active view, priority, accepted
        { [1, 2], NeighborPriority.Low, true },
        { Full[..^1], NeighborPriority.Low, true },
        { Full, NeighborPriority.Low, false },
        { Full, NeighborPriority.High, true },
        { [], NeighborPriority.High, true },
    };

    [Theory]
    [MemberData(nameof(NeighborCases))]
    public void A_neighbour_request_is_accepted_with_high_priority_or_free_room(int[] active, NeighborPriority priority, bool accepted)
    {
        var step = HyParView.OnNeighbor(Node(0, active: active, passive: [50]), 50, new M.Neighbor(priority), Random());

        step.Sent().Should().Contain((50, new M.NeighborReply(accepted)));
        step.State.Active.Contains(50).Should().Be(accepted);
        step.State.Active.Count.Should().BeLessThanOrEqualTo(Options.ActiveHigh);
        if (accepted && active.Length == Options.ActiveHigh)
        {
            step.Sent().Should().ContainSingle(s => s.Message is M.Disconnect);
        }

        step.State.ShouldKeepInvariants();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_reply_makes_the_peer_active_or_returns_it_to_the_passive_view(bool accepted)
    {
        var asking = Node(0, active: [1]) with { Pending = PeerSet<int>.Empty(Options.ActiveHigh).Add(7) };

        var step = HyParView.OnNeighborReply(asking, 7, new M.NeighborReply(accepted), Random());

        step.State.Pending.Should().BeEmpty();
        step.State.Active.Contains(7).Should().Be(accepted);
        step.State.Passive.Contains(7).Should().Be(!accepted);
        step.Sends.Should().BeEmpty();
    }

    [Fact]
    public void A_disconnect_moves_the_peer_to_the_passive_view_without_repair_while_above_the_low_mark()
    {
        var step = HyParView.OnDisconnect(Node(0, active: [1, 2, 3, 4, 5], passive: [20, 21]), 3, Random());

        step.State.Active.Should().BeEquivalentTo([1, 2, 4, 5]);
        step.State.Passive.Should().Contain(3);
        step.Sends.Should().BeEmpty();
    }

    [Fact]
    public void A_disconnect_below_the_low_mark_asks_passive_peers_with_high_priority()
    {
        var step = HyParView.OnDisconnect(Node(0, active: [1, 2], passive: [20, 21, 22, 23, 24, 25]), 2, Random());

        step.State.Active.Should().Equal(1);
        var requests = step.Sent().Where(s => s.Message is M.Neighbor).ToList();
        requests.Should().HaveCount(Options.ActiveTarget - 1).And.OnlyContain(s => ((M.Neighbor)s.Message).Priority == NeighborPriority.High);
        step.State.Pending.Should().BeEquivalentTo(requests.Select(r => r.To));
        step.State.ShouldKeepInvariants();
    }

    [Fact]
    public void A_failed_neighbour_is_forgotten_and_replaced_from_the_passive_view_up_to_the_target()
    {
        var step = HyParView.OnPeerFailed(Node(0, active: [1, 2, 3, 4, 5, 6], passive: [20, 21, 22]), 4, Random());

        step.State.Active.Should().BeEquivalentTo([1, 2, 3, 5, 6]);
        step.Sent().Should().ContainSingle().Which.Message.Should().Be(new M.Neighbor(NeighborPriority.Low));
        step.State.ShouldKeepInvariants();
    }

    [Fact]
    public void A_failed_passive_peer_is_forgotten_without_requests_while_the_active_view_is_healthy()
    {
        var step = HyParView.OnPeerFailed(Node(0, active: [1, 2, 3, 4, 5, 6], passive: [20, 21]), 21, Random());

        step.State.Passive.Should().Equal(20);
        step.Sends.Should().BeEmpty();
    }

    [Fact]
    public void The_tick_gives_up_unanswered_requests_repairs_and_starts_a_shuffle()
    {
        var state = Node(0, active: [1, 2], passive: [20, 21, 22, 23, 24, 25, 26]) with { Pending = PeerSet<int>.Empty(Options.ActiveHigh).Add(30) };

        var step = HyParView.Tick(state, Random());

        step.Sent().Where(s => s.Message is M.Neighbor).Should().HaveCount(Options.ActiveTarget - 2);
        var shuffle = step.Sent().Single(s => s.Message is M.Shuffle);
        new[] { 1, 2 }.Should().Contain(shuffle.To);
        ((M.Shuffle)shuffle.Message).Sample.Should().StartWith([0]);
        step.State.LastShuffle.Should().Equal(((M.Shuffle)shuffle.Message).Sample);
        step.State.ShouldKeepInvariants();
    }
}
