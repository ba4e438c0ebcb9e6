using System.Collections.Immutable;
using MeshActors.Sharding.Ownership;
using MeshActors.Sharding.Table;

namespace MeshActors.Tests.Sharding.Ownership;

public sealed class RebalancePlansTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);

    private static RebalancePreview Preview(int moves, int draining = 0) =>
        new([.. Enumerable.Range(0, moves).Select(s => new ShardMove(s, "a", "b", ShardState.Active, ShardState.Active))], 100, draining, 0);

    private static readonly RebalancePreview Nothing = new(ImmutableArray<ShardMove>.Empty, 100, 0, 0);

    [Fact]
    public void A_drain_without_approval_walks_steady_investigating_draining_rebalancing_completed_steady()
    {
        var states = new List<RebalancePlanState>();
        var plan = RebalancePlan.Steady;
        foreach (var preview in new[] { Preview(10, draining: 10), Preview(6, draining: 6), Preview(2, draining: 0), Nothing, Nothing, Nothing })
        {
            plan = RebalancePlans.Advance(plan, preview, requireApproval: false, T0);
            states.Add(plan.State);
        }

        states.Should().Equal(
            RebalancePlanState.Investigating, RebalancePlanState.Draining, RebalancePlanState.Rebalancing,
            RebalancePlanState.Completed, RebalancePlanState.Steady, RebalancePlanState.Steady);
    }

    [Fact]
    public void A_plan_that_needs_approval_waits_in_investigating_re_proposing_until_approved()
    {
        var plan = RebalancePlans.Advance(RebalancePlan.Steady, Preview(5), requireApproval: true, T0);
        plan.State.Should().Be(RebalancePlanState.Investigating);
        RebalancePlans.MayMove(plan).Should().BeFalse();

        plan = RebalancePlans.Advance(plan, Preview(7), requireApproval: true, T0);
        plan.State.Should().Be(RebalancePlanState.Investigating, "no approval yet");
        plan.Preview!.Moves.Length.Should().Be(7, "the proposal follows the latest dry run");

        plan = plan.Approve("ops");
        RebalancePlans.MayMove(plan).Should().BeTrue();
        plan = RebalancePlans.Advance(plan, Preview(7), requireApproval: true, T0);
        plan.State.Should().Be(RebalancePlanState.Rebalancing);
        RebalancePlans.MayMove(plan).Should().BeTrue("moves under way continue");
    }

    [Fact]
    public void A_change_after_completion_starts_a_new_investigation_and_nothing_to_do_stays_steady()
    {
        RebalancePlans.Advance(RebalancePlan.Steady, Nothing, false, T0).Should().BeSameAs(RebalancePlan.Steady);
        var completed = RebalancePlans.Advance(RebalancePlans.Advance(RebalancePlan.Steady, Preview(1), false, T0), Nothing, false, T0);
        completed.State.Should().Be(RebalancePlanState.Completed);
        RebalancePlans.Advance(completed, Preview(3), false, T0).State.Should().Be(RebalancePlanState.Investigating);
    }

    [Fact]
    public void Every_transition_records_its_reason()
    {
        var plan = RebalancePlans.Advance(RebalancePlan.Steady, Preview(4, draining: 4), false, T0);
        plan.LastTransition!.Reason.Should().Contain("4 shard(s) to move (4 draining, 0 parked)");
        plan = RebalancePlans.Advance(plan, Preview(4, draining: 4), false, T0);
        plan.LastTransition!.Should().Match<RebalanceTransition>(t => t.From == RebalancePlanState.Investigating && t.To == RebalancePlanState.Draining);
    }
}
