namespace MeshActors.Sharding;

/// <summary>
/// A cluster member as shard placement sees it: its node id, Akka roles, zone and region (from
/// the member metadata) and its capacity weight. A member with capacity 200 is meant to own about
/// twice the shards of one with capacity 100; capacity 0 makes it own none.
/// </summary>
/// <param name="Id">The node id (<c>meshactors.node.id</c>); unique among the members given.</param>
/// <param name="Roles">The member's Akka roles.</param>
/// <param name="Zone">The member's zone, or <see langword="null"/> when it has none.</param>
/// <param name="Region">The member's region, or <see langword="null"/> when it has none.</param>
/// <param name="Capacity">The capacity weight, 0 to 10,000 (100 times the default); <see cref="DefaultCapacity"/> unless set.</param>
public sealed record ShardMember(string Id, IReadOnlySet<string> Roles, string? Zone = null, string? Region = null, int Capacity = ShardMember.DefaultCapacity)
{
    /// <summary>The capacity of a member whose metadata names none.</summary>
    public const int DefaultCapacity = 100;

    /// <summary>The largest capacity accepted.</summary>
    public const int MaxCapacity = 10_000;

    /// <summary>A member with no roles, no zone and the default capacity.</summary>
    public static ShardMember Plain(string id) => new(id, new HashSet<string>());
}
