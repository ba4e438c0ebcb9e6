using MeshActors.Membership;
using MeshActors.Sharding.Table;

namespace MeshActors.Sharding.Ownership;

/// <summary>
/// The member list as shard planning sees it (pure): Up members with their node id, roles, zone,
/// region and capacity from the member metadata. A member with the <see cref="CordonLabel"/> label
/// set to <c>true</c>, or one that is leaving, is cordoned: its shards drain and nothing new lands on
/// it. A member unreachable for at least the threshold is unreachable: its shards move at once.
/// </summary>
public static class ShardMembers
{
    /// <summary>The member label that cordons a node (<c>meshctl shards drain NODE</c> sets it on that node).</summary>
    public const string CordonLabel = "meshactors.cordoned";

    /// <summary>The planner's view of <paramref name="snapshot"/>.</summary>
    /// <param name="snapshot">The member list.</param>
    /// <param name="unreachableSince">When this node first saw each unreachable member (by node id) unreachable.</param>
    /// <param name="now">Now, on the same clock as <paramref name="unreachableSince"/>.</param>
    /// <param name="unreachableAfter">How long a member may be unreachable before its shards move.</param>
    public static ShardMembership From(MembershipSnapshot snapshot, IReadOnlyDictionary<string, DateTimeOffset> unreachableSince, DateTimeOffset now, TimeSpan unreachableAfter)
    {
        var members = new List<ShardMember>();
        var cordoned = new HashSet<string>(StringComparer.Ordinal);
        var unreachable = new HashSet<string>(StringComparer.Ordinal);
        foreach (var m in snapshot.Members)
        {
            if (m.Metadata is null || m.Status is not ("up" or "leaving" or "exiting") || members.Any(x => x.Id == m.NodeId))
            {
                continue; // joining, or its metadata not replicated yet: it owns nothing until it is known
            }

            var capacity = (int)Math.Min(m.Metadata.Capacity, (uint)ShardMember.MaxCapacity);
            members.Add(new ShardMember(m.NodeId, m.Roles.ToHashSet(StringComparer.Ordinal), Blank(m.Metadata.Zone), Blank(m.Metadata.Region), capacity));
            if (m.Status != "up" || (m.Metadata.Labels.TryGetValue(CordonLabel, out var flag) && flag == "true"))
            {
                cordoned.Add(m.NodeId);
            }

            if (!m.Reachable && unreachableSince.TryGetValue(m.NodeId, out var since) && now - since >= unreachableAfter)
            {
                unreachable.Add(m.NodeId);
            }
        }

        return new ShardMembership(members, cordoned, unreachable);
    }

    /// <summary>Updates when each member was first seen unreachable: added when it becomes unreachable, dropped when reachable or gone.</summary>
    public static Dictionary<string, DateTimeOffset> TrackUnreachable(MembershipSnapshot snapshot, IReadOnlyDictionary<string, DateTimeOffset> before, DateTimeOffset now) =>
        snapshot.Members.Where(m => !m.Reachable && m.NodeId.Length > 0).GroupBy(m => m.NodeId)
            .ToDictionary(g => g.Key, g => before.TryGetValue(g.Key, out var since) ? since : now, StringComparer.Ordinal);

    private static string? Blank(string text) => text.Length == 0 ? null : text;
}
