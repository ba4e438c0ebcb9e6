namespace MeshActors.Leadership.Election;

/// <summary>
/// The leader of one scope as the lease store last showed it. Every acquisition of a lease starts a
/// new term, and the store numbers terms with the fencing token, so <see cref="Term"/> and
/// <see cref="FencingToken"/> are the same number: the term says "which leadership", the token is what
/// each of that leader's actions carries so stores and the shard table can refuse a stale one.
/// </summary>
/// <param name="Scope">The scope (<c>global</c> or one of <c>meshactors.leadership.scopes</c>).</param>
/// <param name="LeaderId">The leader's node id.</param>
/// <param name="FencingToken">The term's fencing token: higher than every earlier leader's of this scope.</param>
/// <param name="Term">The term number (equal to <paramref name="FencingToken"/>).</param>
/// <param name="AcquiredAt">When the term began, by the store's clock.</param>
/// <param name="ExpiresAt">When the term ends unless renewed, by the store's clock (as of the last read).</param>
public sealed record LeaderInfo(string Scope, string LeaderId, long FencingToken, long Term, DateTimeOffset AcquiredAt, DateTimeOffset ExpiresAt)
{
    /// <summary>The leader the store's grant of <paramref name="scope"/>'s lease names.</summary>
    public static LeaderInfo From(string scope, LeaseGrant grant) =>
        new(scope, grant.Owner, grant.FencingToken, grant.FencingToken, grant.AcquiredAt, grant.ExpiresAt);
}
