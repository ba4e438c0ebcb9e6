namespace MeshActors.Membership;

/// <summary>What applying one update to the member table did.</summary>
/// <param name="Changed">Whether the table changed (the update is news and should be passed on).</param>
/// <param name="Event">The member event the change is, if any (an incarnation bump alone is none).</param>
/// <param name="Member">The member's record after the update; null when unknown.</param>
/// <param name="Previous">The member's record before the update; null when it was unknown.</param>
internal readonly record struct ApplyResult(bool Changed, MemberEventKind? Event, Member? Member, Member? Previous)
{
    public static ApplyResult Ignored(Member? current) => new(false, null, current, current);
}
