namespace MeshActors.Sharding.Table;

/// <summary>One shard's row in a <see cref="ShardTable"/>.</summary>
/// <param name="Owner">The owner's node id; <c>""</c> for a shard never assigned (then <see cref="ShardState.Paused"/>).</param>
/// <param name="State">The shard's state.</param>
public readonly record struct ShardEntry(string Owner, ShardState State);
