namespace MeshActors.Membership;

/// <summary>A statement about a member: its status at an incarnation. Only the member itself
/// raises its incarnation, to refute a suspicion or to rejoin after a restart.</summary>
/// <param name="Status">The claimed status.</param>
/// <param name="Incarnation">The incarnation the claim is about.</param>
public readonly record struct MemberClaim(MemberStatus Status, ulong Incarnation);
