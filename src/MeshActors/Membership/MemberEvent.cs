namespace MeshActors.Membership;

/// <summary>A change to one member.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="Member">The member after the change (for <see cref="MemberEventKind.Removed"/>, its last record).</param>
/// <param name="Version">The membership version this change produced.</param>
public sealed record MemberEvent(MemberEventKind Kind, Member Member, long Version);
