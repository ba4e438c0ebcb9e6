namespace MeshActors.Sharding;

/// <summary>
/// A shard placement strategy: a pure function from a namespace and its members to the owner of
/// every shard. The same namespace and the same set of members give the same owners, whatever the
/// order the members are given in and on whichever node it runs. Strategies are chosen by
/// <see cref="Name"/> and listed once, in <see cref="ShardPlacementStrategies"/>.
/// </summary>
public interface IShardPlacementStrategy
{
    /// <summary>The name configuration selects the strategy by (<c>rendezvous</c>, <c>ring</c>, <c>locality</c>).</summary>
    string Name { get; }

    /// <summary>
    /// Prepares placement of <paramref name="shardNamespace"/> over <paramref name="members"/>.
    /// Throws <see cref="ArgumentException"/> for duplicate member ids, a capacity out of range, or
    /// no eligible member.
    /// </summary>
    ShardPlacement Prepare(ShardNamespace shardNamespace, IEnumerable<ShardMember> members);
}
