namespace MeshActors.Sharding.Table;

/// <summary>A new version of a shard table and the diff that leads to it from the previous one.</summary>
/// <param name="Table">The new table (version + 1).</param>
/// <param name="Diff">The diff from the previous version: who, when, why, which rows changed.</param>
public sealed record ShardTableChange(ShardTable Table, ShardTableDiff Diff);
