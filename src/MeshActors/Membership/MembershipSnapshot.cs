using System.Collections.Immutable;

namespace MeshActors.Membership;

/// <summary>The member list at one version. Immutable; members are ordered by node id.</summary>
/// <param name="Version">Rises by one with every change this node applies.</param>
/// <param name="Self">This node's id.</param>
/// <param name="Members">Every member, this node included, tombstones (dead, left) until they are removed.</param>
public sealed record MembershipSnapshot(long Version, string Self, ImmutableArray<Member> Members)
{
    /// <summary>The members with <paramref name="status"/>.</summary>
    public IEnumerable<Member> WithStatus(MemberStatus status) => Members.Where(m => m.Status == status);
}
