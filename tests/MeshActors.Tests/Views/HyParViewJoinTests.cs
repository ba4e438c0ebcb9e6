using MeshActors.Views;
using static MeshActors.Tests.Views.ViewStates;
using M = MeshActors.Views.HyParViewMessage<int>;

namespace MeshActors.Tests.Views;

/// <summary>Join, forward join and its acceptance, one table row per case.</summary>
public sealed class HyParViewJoinTests
{
    [Fact]
    public void A_joiner_takes_its_contact_as_first_neighbour_and_sends_Join()
    {
        var step = HyParView.StartJoin(Node(0), 5, Random());

        step.State.Active.Should().Equal(5);
        step.Sent().Should().Equal((5, new M.Join()));
    }

    [Fact]
    public void The_contact_admits_the_joiner_and_starts_a_walk_of_ARWL_hops_through_every_other_neighbour()
    {
        var step = HyParView.OnJoin(Node(0, active: [1, 2, 3]), 9, Random());

        step.State.Active.Should().BeEquivalentTo([1, 2, 3, 9]);
        step.Sent().Should().BeEquivalentTo(new[] { 1, 2, 3 }.Select(p => (p, (M)new M.ForwardJoin(9, Options.ActiveRandomWalkLength))));
    }

    [Fact]
    public void A_full_contact_evicts_a_random_neighbour_to_its_passive_view_and_tells_it()
    {
        var full = Enumerable.Range(1, Options.ActiveHigh).ToArray();

        var step = HyParView.OnJoin(Node(0, active: full), 99, Random());

        step.State.Active.Should().HaveCount(Options.ActiveHigh).And.Contain(99);
        var evicted = full.Single(p => !step.State.Active.Contains(p));
        step.State.Passive.Should().Contain(evicted);
        step.Sent().Should().Contain((evicted, new M.Disconnect()));
        step.State.ShouldKeepInvariants();
    }

    public static TheoryData<int[], int, int, string> ForwardJoinCases => new()
    {
        // active, from, time to live, expected outcome
        { [1, 2, 3], 1, 6, "forward" },
        { [1, 2, 3], 1, 3, "forward+passive" },
        { [1, 2, 3], 1, 0, "accept" },
        { [1], 1, 6, "accept" },
    };

    [Theory]
    [MemberData(nameof(ForwardJoinCases))]
    public void A_forward_join_walks_on_or_ends_here(int[] active, int from, int timeToLive, string outcome)
    {
        var step = HyParView.OnForwardJoin(Node(0, active: active), from, new M.ForwardJoin(9, timeToLive), Random());

        switch (outcome)
        {
            case "forward" or "forward+passive":
                var (to, message) = step.Sent().Single();
                to.Should().NotBe(from).And.NotBe(9);
                active.Should().Contain(to);
                message.Should().Be(new M.ForwardJoin(9, timeToLive - 1));
                step.State.Active.Should().NotContain(9);
                step.State.Passive.Contains(9).Should().Be(outcome == "forward+passive");
                break;
            case "accept":
                step.State.Active.Should().Contain(9);
                step.Sent().Should().Contain((9, new M.ForwardJoinAccepted()));
                break;
        }

        step.State.ShouldKeepInvariants();
    }

    [Fact]
    public void A_forward_join_for_this_node_itself_changes_nothing()
    {
        var node = Node(0, active: [1, 2]);

        var step = HyParView.OnForwardJoin(node, 1, new M.ForwardJoin(0, 2), Random());

        step.State.Should().BeSameAs(node);
        step.Sends.Should().BeEmpty();
    }

    [Fact]
    public void A_walk_that_ends_at_a_node_already_linked_to_the_joiner_sends_nothing()
    {
        var step = HyParView.OnForwardJoin(Node(0, active: [1, 9]), 1, new M.ForwardJoin(9, 0), Random());

        step.Sends.Should().BeEmpty();
        step.State.Active.Should().BeEquivalentTo([1, 9]);
    }

    [Fact]
    public void The_joiner_takes_back_the_node_where_a_walk_ended()
    {
        var step = HyParView.OnForwardJoinAccepted(Node(9, active: [5], passive: [4]), 4, Random());

        step.State.Active.Should().BeEquivalentTo([5, 4]);
        step.State.Passive.Should().BeEmpty();
    }
}
