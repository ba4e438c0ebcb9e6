using System.Collections.Immutable;

namespace MeshActors.Leadership;

/// <summary>
/// The <c>cluster</c> store's lease table as one arbiter holds it in memory, as pure functions of the
/// arbiter's clock. Besides the rows (the same <see cref="LeaseRules"/> as every store) it keeps, per
/// lease name, a <b>token floor</b>: the highest token that may exist anywhere — recovered from the
/// replicated counter when the arbiter started, or attempted by a majority write that failed (it may
/// have reached some replicas) — and a <b>grace</b> instant before which the name is not granted, because
/// a term granted by the previous arbiter may still run until then. A change that issues a token is only
/// <i>proposed</i> here; the arbiter applies it after the majority write.
/// </summary>
internal sealed record ClusterLeaseTable(
    ImmutableDictionary<string, LeaseRow> Rows,
    ImmutableDictionary<string, long> Floors,
    ImmutableDictionary<string, DateTimeOffset> GraceUntil)
{
    /// <summary>No lease was ever granted by any arbiter (the replicated counter does not exist).</summary>
    public static ClusterLeaseTable Empty { get; } = new(
        ImmutableDictionary<string, LeaseRow>.Empty.WithComparers(StringComparer.Ordinal),
        ImmutableDictionary<string, long>.Empty.WithComparers(StringComparer.Ordinal),
        ImmutableDictionary<string, DateTimeOffset>.Empty.WithComparers(StringComparer.Ordinal));

    /// <summary>
    /// A new arbiter's table: <paramref name="tokens"/> is what a majority read of the counter returned.
    /// Every name with a token may have a holder from the previous arbiter's era whose term (at most
    /// <paramref name="grace"/>, the longest ttl any arbiter grants) started no later than now; the name is
    /// granted again only after that. Names without a token were never granted and are free at once.
    /// </summary>
    public static ClusterLeaseTable Recovered(IEnumerable<KeyValuePair<string, long>> tokens, DateTimeOffset now, TimeSpan grace)
    {
        var floors = Empty.Floors.ToBuilder();
        var graceUntil = Empty.GraceUntil.ToBuilder();
        foreach (var (lease, token) in tokens)
        {
            if (token > 0)
            {
                floors[lease] = token;
                graceUntil[lease] = now + grace;
            }
        }

        return Empty with { Floors = floors.ToImmutable(), GraceUntil = graceUntil.ToImmutable() };
    }

    /// <summary>The highest token that may have been issued for <paramref name="lease"/> (0: none).</summary>
    public long LastToken(string lease) =>
        Math.Max(Rows.TryGetValue(lease, out var row) ? row.Token : 0, Floors.GetValueOrDefault(lease));

    /// <summary>Whether <paramref name="lease"/> is still in the grace after an arbiter change at <paramref name="now"/>.</summary>
    public bool InGrace(string lease, DateTimeOffset now) => GraceUntil.TryGetValue(lease, out var until) && now < until;

    /// <summary>The term an acquire would start (token <see cref="LastToken"/> + 1), or <c>null</c>: held by
    /// another owner, or still in grace. Nothing changes until <see cref="Granted"/>.</summary>
    public LeaseRow? ProposeAcquire(string lease, string owner, DateTimeOffset now, TimeSpan ttl)
    {
        if (InGrace(lease, now))
        {
            return null;
        }

        var next = LeaseRules.Acquire(Rows.GetValueOrDefault(lease), lease, owner, now, ttl);
        return next is null ? null : next with { Token = LastToken(lease) + 1 };
    }

    /// <summary>The extended term, or <c>null</c> (rejected). A term from a previous arbiter's era has no row here, so it is rejected.</summary>
    public LeaseRow? ProposeRenew(string lease, string owner, long token, DateTimeOffset now, TimeSpan ttl) =>
        LeaseRules.Renew(Rows.GetValueOrDefault(lease), owner, token, now, ttl);

    /// <summary>The table after <paramref name="row"/> was confirmed by a majority.</summary>
    public ClusterLeaseTable Granted(LeaseRow row) =>
        this with { Rows = Rows.SetItem(row.Lease, row), Floors = Floors.SetItem(row.Lease, Math.Max(row.Token, Floors.GetValueOrDefault(row.Lease))) };

    /// <summary>The table after a majority write of <paramref name="token"/> failed: the write may have reached
    /// some replicas, so that token is never issued (the next acquire gets a higher one).</summary>
    public ClusterLeaseTable Attempted(string lease, long token) =>
        this with { Floors = Floors.SetItem(lease, Math.Max(token, Floors.GetValueOrDefault(lease))) };

    /// <summary>Ends the current term named by owner and token; <c>null</c> when that term is not the current one.</summary>
    public ClusterLeaseTable? Release(string lease, string owner, long token, DateTimeOffset now) =>
        LeaseRules.Release(Rows.GetValueOrDefault(lease), owner, token, now) is { } released ? this with { Rows = Rows.SetItem(lease, released) } : null;

    /// <summary>The lease as this arbiter sees it. During grace a holder from the previous era is unknown and not shown.</summary>
    public LeaseState View(string lease, DateTimeOffset now) =>
        LeaseRules.View(lease, Rows.GetValueOrDefault(lease), now) with { LastToken = LastToken(lease) };
}
