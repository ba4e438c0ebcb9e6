using System.Collections.Immutable;

namespace MeshActors.Sharding.Table;

/// <summary>
/// A dry run of the <see cref="ShardPlanner"/>: the moves that would take the current table to its
/// target if the cluster stayed as it is, ignoring the guardrails (the planner makes them in batches).
/// </summary>
/// <param name="Moves">Each shard whose owner would change, from the current row to the target owner (state <see cref="ShardState.Active"/>).</param>
/// <param name="ShardCount">The namespace's shard count.</param>
/// <param name="DrainingShards">How many of them leave a node that is cordoned or no longer an eligible owner.</param>
/// <param name="ParkedShards">Shards that stay paused because no member can take them.</param>
public sealed record RebalancePreview(ImmutableArray<ShardMove> Moves, int ShardCount, int DrainingShards, int ParkedShards)
{
    /// <summary>Moved shards over all shards.</summary>
    public double MovedFraction => (double)Moves.Length / ShardCount;

    /// <summary>Whether the plan has nothing to move.</summary>
    public bool IsEmpty => Moves.IsEmpty;
}
