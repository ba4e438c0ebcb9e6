using MeshActors.Sharding.Table;

namespace MeshActors.Sharding.Ownership;

/// <summary>A new version of a namespace's table reached this node.</summary>
/// <param name="Table">The new version.</param>
/// <param name="PreviousVersion">The version this node held before (0: none).</param>
/// <param name="Diff">The change from <paramref name="PreviousVersion"/>, when it came as one diff (the usual case);
/// <c>null</c> when the node caught up over several versions by reading the store (read them with <c>/control/shards/diff</c>).</param>
public sealed record ShardTableUpdate(ShardTable Table, long PreviousVersion, ShardTableDiff? Diff);
