using System.Collections.Immutable;
using MeshActors.Views;
using static MeshActors.Tests.Views.ViewStates;
using M = MeshActors.Views.HyParViewMessage<int>;

namespace MeshActors.Tests.Views;

/// <summary>The shuffle walk, its reply and the merge into the passive view.</summary>
public sealed class HyParViewShuffleTests
{
    [Theory]
    [InlineData(new[] { 1, 2, 3 }, 5, "forward")]
    [InlineData(new[] { 1, 2, 3 }, 1, "answer")]
    [InlineData(new[] { 1 }, 5, "answer")]
    [InlineData(new[] { 1, 40 }, 5, "answer")]
    public void A_shuffle_walks_on_while_it_has_hops_and_another_neighbour(int[] active, int timeToLive, string outcome)
    {
        var message = new M.Shuffle(40, timeToLive, [40, 41, 42]);

        var step = HyParViewShuffle.OnShuffle(Node(0, active: active, passive: [10, 11, 12, 13]), 1, message, Random());

        var (to, sent) = step.Sent().Single();
        if (outcome == "forward")
        {
            to.Should().NotBe(1).And.NotBe(40);
            sent.Should().Be(message with { TimeToLive = timeToLive - 1 });
        }
        else
        {
            to.Should().Be(40);
            var reply = ((M.ShuffleReply)sent).Sample;
            reply.Should().HaveCount(3).And.OnlyContain(p => p >= 10 && p <= 13);
            step.State.Passive.Should().Contain([41, 42]);
        }

        step.State.ShouldKeepInvariants();
    }

    [Fact]
    public void A_full_passive_view_evicts_what_it_sent_first()
    {
        var passive = Enumerable.Range(100, Options.PassiveSize).ToArray();
        var state = Node(0, active: [1], passive: passive) with { LastShuffle = [0, 100, 101] };

        var step = HyParViewShuffle.OnShuffleReply(state, new M.ShuffleReply([200, 201]), Random());

        step.State.Passive.Should().Contain([200, 201]).And.NotContain([100, 101]).And.HaveCount(Options.PassiveSize);
        step.State.LastShuffle.Should().BeEmpty();
        step.State.ShouldKeepInvariants();
    }

    [Fact]
    public void Merging_skips_self_active_and_known_peers()
    {
        var step = HyParViewShuffle.OnShuffleReply(Node(0, active: [1], passive: [2]), new M.ShuffleReply(ImmutableArray.Create(0, 1, 2, 3)), Random());

        step.State.Passive.Should().BeEquivalentTo([2, 3]);
        step.State.Active.Should().Equal(1);
    }

    [Fact]
    public void A_shuffle_that_returns_to_its_origin_is_dropped()
    {
        var state = Node(0, active: [1, 2]);

        var step = HyParViewShuffle.OnShuffle(state, 1, new M.Shuffle(0, 3, [0, 5]), Random());

        step.State.Should().BeSameAs(state);
        step.Sends.Should().BeEmpty();
    }
}
