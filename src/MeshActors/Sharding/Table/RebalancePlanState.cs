namespace MeshActors.Sharding.Table;

/// <summary>The phases of a <see cref="RebalancePlan"/>, in order.</summary>
public enum RebalancePlanState
{
    /// <summary>Nothing to do: every shard is where the target puts it.</summary>
    Steady,

    /// <summary>Something changed (a member joined, left, became unreachable, or was cordoned); the plan is being worked out.</summary>
    Investigating,

    /// <summary>Shards are leaving cordoned or ineligible nodes.</summary>
    Draining,

    /// <summary>Shards are moving to balance the members.</summary>
    Rebalancing,

    /// <summary>The plan's moves are done.</summary>
    Completed,
}
