namespace MeshActors.Sharding.Table;

/// <summary>
/// The cluster as the <see cref="ShardPlanner"/> sees it. A table owner that is not among
/// <see cref="Members"/> is removed; one in <see cref="Unreachable"/> (unreachable for longer than
/// the actor's threshold) is treated the same: its shards move at once. A member in
/// <see cref="Cordoned"/> keeps serving its shards while they drain, and nothing new lands on it.
/// </summary>
/// <param name="Members">The cluster's members (up), with roles, zone, region and capacity.</param>
/// <param name="Cordoned">Node ids that may own no shards: their shards drain under the guardrails.</param>
/// <param name="Unreachable">Node ids whose shards are reassigned at once, whether or not still listed as members.</param>
public sealed record ShardMembership(IReadOnlyList<ShardMember> Members, IReadOnlySet<string> Cordoned, IReadOnlySet<string> Unreachable)
{
    /// <summary>Members with nobody cordoned or unreachable.</summary>
    public static ShardMembership Of(IEnumerable<ShardMember> members) =>
        new(members.ToList(), new HashSet<string>(StringComparer.Ordinal), new HashSet<string>(StringComparer.Ordinal));
}
