namespace MeshActors.Leadership;

/// <summary>
/// One held term as its holder sees it: the grant, and the local monotonic instant until which the
/// holder may act (<c>sent + ttl - clock-skew margin</c>, measured from when the acquire or renew
/// request was <b>sent</b>, so any delay on the way only shortens it). Pure; the lease drives it.
/// </summary>
internal sealed record LeaseTerm(LeaseGrant Grant, long SafeUntil)
{
    /// <summary>The local instant (in <see cref="TimeProvider.GetTimestamp"/> units) until which a grant
    /// confirmed by a request sent at <paramref name="sentAt"/> may be trusted.</summary>
    public static long Deadline(long sentAt, TimeSpan ttl, TimeSpan margin, long frequency) =>
        sentAt + (long)((ttl - margin).TotalSeconds * frequency);

    /// <summary>Whether the holder may still act at <paramref name="now"/>.</summary>
    public bool IsSafeAt(long now) => now < SafeUntil;
}
