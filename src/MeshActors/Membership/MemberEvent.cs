namespace MeshActors.Membership;

/// <summary>A change to one member, with the member as it is after the change.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="Member">The member after the change.</param>
/// <param name="At">When this node saw it.</param>
public sealed record MemberEvent(MemberEventKind Kind, MemberView Member, DateTimeOffset At);
