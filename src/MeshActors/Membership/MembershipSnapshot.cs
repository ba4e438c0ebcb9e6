namespace MeshActors.Membership;

/// <summary>The member list as this node sees it at one moment.</summary>
/// <param name="Self">This node's Akka address.</param>
/// <param name="Members">Every member not yet removed, ordered by address.</param>
/// <param name="Version">Grows by one with every change this node applies.</param>
public sealed record MembershipSnapshot(string Self, IReadOnlyList<MemberView> Members, long Version)
{
    /// <summary>This node's own entry, once it is a member.</summary>
    public MemberView? SelfMember => Members.FirstOrDefault(m => m.Address == Self);
}
