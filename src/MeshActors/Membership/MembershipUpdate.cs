namespace MeshActors.Membership;

/// <summary>One element of the member event stream: the member list after some changes, and the
/// changes. The first element of every stream has the current list and no events.</summary>
/// <param name="Snapshot">The member list after <paramref name="Events"/>.</param>
/// <param name="Events">What changed since the previous element, in order.</param>
public sealed record MembershipUpdate(MembershipSnapshot Snapshot, IReadOnlyList<MemberEvent> Events);
