namespace MeshActors.Leadership;

/// <summary>
/// The lease state machine as pure functions: given the stored row (or none), the caller and the
/// store's clock, the row to write, or <c>null</c> for a refusal. A store that cannot run these in
/// its own process (PostgreSQL, which must use the database clock) states the same rules in SQL.
/// </summary>
internal static class LeaseRules
{
    /// <summary>Free, expired or already the caller's: a new term with the next token. Held by another: refused.</summary>
    public static LeaseRow? Acquire(LeaseRow? current, string lease, string owner, DateTimeOffset now, TimeSpan ttl)
    {
        if (current is not null && current.IsHeldAt(now) && current.Owner != owner)
        {
            return null;
        }

        return new LeaseRow(lease, owner, (current?.Token ?? 0) + 1, now, now + ttl);
    }

    /// <summary>Only the current, unexpired term named by owner and token is extended.</summary>
    public static LeaseRow? Renew(LeaseRow? current, string owner, long token, DateTimeOffset now, TimeSpan ttl) =>
        IsCurrentTerm(current, owner, token) && current!.IsHeldAt(now) ? current with { ExpiresAt = now + ttl } : null;

    /// <summary>Only the current term ends; the token counter stays.</summary>
    public static LeaseRow? Release(LeaseRow? current, string owner, long token, DateTimeOffset now) =>
        IsCurrentTerm(current, owner, token) ? current! with { Owner = null, ExpiresAt = now } : null;

    /// <summary>The row as seen at <paramref name="now"/>.</summary>
    public static LeaseState View(string lease, LeaseRow? current, DateTimeOffset now) =>
        new(lease, current is not null && current.IsHeldAt(now) ? current.ToGrant() : null, current?.Token ?? 0);

    /// <summary>The term as a grant; only for a row that has an owner.</summary>
    public static LeaseGrant ToGrant(this LeaseRow row) =>
        new(row.Lease, row.Owner ?? throw new InvalidOperationException("a released lease has no grant"), row.Token, row.AcquiredAt, row.ExpiresAt);

    /// <summary>A lease name or owner must be non-empty and at most 256 characters; a ttl must be positive.</summary>
    public static void Validate(string lease, string owner, TimeSpan? ttl = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(lease);
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        if (lease.Length > 256 || owner.Length > 256)
        {
            throw new ArgumentException("lease names and owners are at most 256 characters");
        }

        if (ttl is { } t && t <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(ttl), t, "a lease ttl must be positive");
        }
    }

    private static bool IsCurrentTerm(LeaseRow? current, string owner, long token) =>
        current is not null && current.Owner == owner && current.Token == token;
}
