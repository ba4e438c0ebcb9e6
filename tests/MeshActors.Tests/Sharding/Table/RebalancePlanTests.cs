using System.Collections.Immutable;
using MeshActors.Sharding.Table;

namespace MeshActors.Tests.Sharding.Table;

public sealed class RebalancePlanTests
{
    private static readonly RebalancePreview Preview = new([new ShardMove(1, "a", "b", ShardState.Draining, ShardState.Active)], 10, 1, 0);

    [Fact]
    public void A_plan_goes_steady_investigating_draining_rebalancing_completed_steady_and_each_step_is_an_event()
    {
        var at = Tables.Start;
        var plan = RebalancePlan.Steady.Investigate("node-3 cordoned", at).Propose(Preview, requiresApproval: false);

        var states = new List<RebalancePlanState> { plan.State };
        foreach (var next in new[] { RebalancePlanState.Draining, RebalancePlanState.Rebalancing, RebalancePlanState.Completed, RebalancePlanState.Steady })
        {
            at = at.AddSeconds(1);
            plan = plan.TransitionTo(next, "test", at);
            plan.LastTransition.Should().Be(new RebalanceTransition(states[^1], next, at, "test"));
            states.Add(plan.State);
        }

        states.Should().Equal(RebalancePlanState.Investigating, RebalancePlanState.Draining, RebalancePlanState.Rebalancing, RebalancePlanState.Completed, RebalancePlanState.Steady);
    }

    public static TheoryData<RebalancePlanState, RebalancePlanState> Refused => new()
    {
        { RebalancePlanState.Steady, RebalancePlanState.Draining },
        { RebalancePlanState.Steady, RebalancePlanState.Completed },
        { RebalancePlanState.Investigating, RebalancePlanState.Steady },
        { RebalancePlanState.Investigating, RebalancePlanState.Investigating },
        { RebalancePlanState.Rebalancing, RebalancePlanState.Draining },
        { RebalancePlanState.Completed, RebalancePlanState.Rebalancing },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void An_invalid_transition_is_refused_saying_what_is_allowed(RebalancePlanState from, RebalancePlanState to)
    {
        var plan = Reach(from);

        plan.Invoking(p => p.TransitionTo(to, "test", Tables.Start)).Should().Throw<InvalidOperationException>()
            .WithMessage($"a rebalance plan cannot go from {from.ToString().ToLowerInvariant()} to {to.ToString().ToLowerInvariant()}*it goes to*");
        RebalancePlan.Allowed(from).Should().NotContain(to);
    }

    [Fact]
    public void A_plan_that_requires_approval_cannot_move_shards_until_approved()
    {
        var plan = RebalancePlan.Steady.Investigate("node-6 joined", Tables.Start).Propose(Preview, requiresApproval: true);

        plan.MayMove.Should().BeFalse();
        plan.Invoking(p => p.TransitionTo(RebalancePlanState.Rebalancing, "go", Tables.Start)).Should().Throw<InvalidOperationException>().WithMessage("*needs approval*");
        plan.TransitionTo(RebalancePlanState.Completed, "nothing to do after all", Tables.Start).State.Should().Be(RebalancePlanState.Completed);

        var approved = plan.Approve("operator@ops");
        approved.MayMove.Should().BeTrue();
        approved.ApprovedBy.Should().Be("operator@ops");
        approved.TransitionTo(RebalancePlanState.Rebalancing, "go", Tables.Start).State.Should().Be(RebalancePlanState.Rebalancing);
    }

    [Fact]
    public void Approval_and_proposals_belong_to_investigating_and_a_new_investigation_clears_them()
    {
        RebalancePlan.Steady.Invoking(p => p.Approve("x")).Should().Throw<InvalidOperationException>().WithMessage("*only while investigating*");
        RebalancePlan.Steady.Invoking(p => p.Propose(Preview, true)).Should().Throw<InvalidOperationException>();
        RebalancePlan.Steady.Investigate("x", Tables.Start).Invoking(p => p.Approve("x")).Should().Throw<InvalidOperationException>().WithMessage("*no proposed dry run*");

        var rebalancing = RebalancePlan.Steady.Investigate("x", Tables.Start).Propose(Preview, true).Approve("op")
            .TransitionTo(RebalancePlanState.Rebalancing, "go", Tables.Start);
        var again = rebalancing.Investigate("another node left", Tables.Start);

        (again.State, again.Preview, again.ApprovedBy, again.RequiresApproval).Should().Be((RebalancePlanState.Investigating, (RebalancePreview?)null, (string?)null, false));
    }

    [Fact]
    public void The_preview_reports_the_moved_fraction() =>
        new RebalancePreview([new ShardMove(1, "a", "b", ShardState.Active, ShardState.Active), new ShardMove(2, "a", "b", ShardState.Active, ShardState.Active)], 8, 0, 0)
            .MovedFraction.Should().Be(0.25);

    private static RebalancePlan Reach(RebalancePlanState state)
    {
        var plan = RebalancePlan.Steady;
        ImmutableArray<RebalancePlanState> path = state switch
        {
            RebalancePlanState.Steady => [],
            RebalancePlanState.Investigating => [RebalancePlanState.Investigating],
            RebalancePlanState.Draining => [RebalancePlanState.Investigating, RebalancePlanState.Draining],
            RebalancePlanState.Rebalancing => [RebalancePlanState.Investigating, RebalancePlanState.Rebalancing],
            _ => [RebalancePlanState.Investigating, RebalancePlanState.Completed],
        };
        return path.Aggregate(plan, (p, s) => p.TransitionTo(s, "test", Tables.Start));
    }
}
