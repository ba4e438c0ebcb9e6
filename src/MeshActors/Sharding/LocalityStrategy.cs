namespace MeshActors.Sharding;

/// <summary>
/// Rendezvous placement restricted to the namespace's preferred zone: owners are the eligible
/// members in <see cref="ShardNamespace.PreferredZone"/> while there is one; else those in
/// <see cref="ShardNamespace.PreferredRegion"/>; else every eligible member. Within that set it is
/// <see cref="RendezvousStrategy"/>, with capacity weights. With no preference set it is plain
/// rendezvous. When the last member of the preferred zone leaves, every shard moves (to the
/// region); that is the point of the strategy, and why the moved-fraction bound is stated for
/// rendezvous and ring only.
/// </summary>
public sealed class LocalityStrategy : IShardPlacementStrategy
{
    /// <summary>The configuration name, <c>locality</c>.</summary>
    public const string StrategyName = "locality";

    /// <inheritdoc />
    public string Name => StrategyName;

    /// <inheritdoc />
    public ShardPlacement Prepare(ShardNamespace shardNamespace, IEnumerable<ShardMember> members)
    {
        var eligible = EligibleMembers.Of(shardNamespace, members);
        return RendezvousStrategy.Over(shardNamespace, CandidatesOf(shardNamespace, eligible));
    }

    /// <summary>The members locality places over: the preferred zone's, else the preferred region's, else all (sorted by id).</summary>
    public static IReadOnlyList<ShardMember> CandidatesOf(ShardNamespace shardNamespace, IReadOnlyList<ShardMember> eligible)
    {
        if (shardNamespace.PreferredZone is { } zone && eligible.Where(m => m.Zone == zone).ToList() is { Count: > 0 } inZone)
        {
            return inZone;
        }

        if (shardNamespace.PreferredRegion is { } region && eligible.Where(m => m.Region == region).ToList() is { Count: > 0 } inRegion)
        {
            return inRegion;
        }

        return eligible;
    }
}
