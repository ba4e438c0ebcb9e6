namespace MeshActors.Sharding.Akka;

/// <summary>
/// The seam between a namespace's shard table and Akka.Cluster.Sharding: who owns each shard now.
/// <see cref="ShardTableAllocationStrategy"/> reads it on every allocation and every rebalance round,
/// so an implementation answers from memory (the latest published table), never blocks, and may be
/// read from any thread.
/// </summary>
public interface IShardOwners
{
    /// <summary>The namespace name; Akka's sharding type name is usually the same.</summary>
    string Namespace { get; }

    /// <summary>The number of shards; fixed for the life of the namespace (Akka shard ids are <c>"0"</c> to <c>"ShardCount − 1"</c>).</summary>
    int ShardCount { get; }

    /// <summary>The version of the table being answered from; it grows with every change an implementation publishes.</summary>
    long Version { get; }

    /// <summary>The MeshActors node id that owns <paramref name="shard"/> (0 to <see cref="ShardCount"/> − 1), or null when the table has no owner for it yet.</summary>
    string? OwnerOf(int shard);
}
