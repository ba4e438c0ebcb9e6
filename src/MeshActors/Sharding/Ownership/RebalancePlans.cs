using MeshActors.Sharding.Table;

namespace MeshActors.Sharding.Ownership;

/// <summary>
/// How the leader moves a namespace's <see cref="RebalancePlan"/> along on each planning round, from
/// the planner's dry run (pure; table-tested): a non-empty dry run starts investigating and proposes
/// it; once it may move (no approval required, or approved) the plan goes draining while shards leave
/// cordoned or ineligible members, then rebalancing, then completed when nothing is left, then steady.
/// Until approved, each round re-proposes the current dry run.
/// </summary>
public static class RebalancePlans
{
    /// <summary>The plan after a round whose dry run is <paramref name="preview"/>.</summary>
    public static RebalancePlan Advance(RebalancePlan plan, RebalancePreview preview, bool requireApproval, DateTimeOffset now)
    {
        var moves = $"{preview.Moves.Length} shard(s) to move ({preview.DrainingShards} draining, {preview.ParkedShards} parked)";
        return plan.State switch
        {
            RebalancePlanState.Steady or RebalancePlanState.Completed when !preview.IsEmpty =>
                plan.Investigate("the members changed: " + moves, now).Propose(preview, requireApproval),
            RebalancePlanState.Completed => plan.TransitionTo(RebalancePlanState.Steady, "every shard is where its strategy puts it", now),
            RebalancePlanState.Steady => plan,
            RebalancePlanState.Investigating when preview.IsEmpty => plan.TransitionTo(RebalancePlanState.Completed, "nothing left to move", now),
            RebalancePlanState.Investigating when !plan.MayMove => plan.Propose(preview, requireApproval),
            RebalancePlanState.Investigating => plan.TransitionTo(preview.DrainingShards > 0 ? RebalancePlanState.Draining : RebalancePlanState.Rebalancing, moves, now),
            _ when preview.IsEmpty => plan.TransitionTo(RebalancePlanState.Completed, "nothing left to move", now),
            RebalancePlanState.Draining when preview.DrainingShards == 0 => plan.TransitionTo(RebalancePlanState.Rebalancing, "drained; " + moves, now),
            _ => plan,
        };
    }

    /// <summary>Whether graceful moves may run under <paramref name="plan"/>: approved or not needing approval, or already under way.</summary>
    public static bool MayMove(RebalancePlan plan) =>
        plan.MayMove || plan.State is RebalancePlanState.Draining or RebalancePlanState.Rebalancing;
}
