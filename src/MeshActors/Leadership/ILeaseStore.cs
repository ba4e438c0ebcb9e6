namespace MeshActors.Leadership;

/// <summary>
/// A durable record of who holds each named lease, until when, and under which
/// <see cref="LeaseGrant.FencingToken"/>. Every successful acquisition issues a token strictly greater
/// than every token issued before for that lease name, whoever held it, whether the previous holder
/// released it or let it expire, and across restarts of the store's clients (the counter lives in the
/// store). Renew and release are <b>fenced</b>: they name the token they hold, and a stale token is
/// rejected. Expiry is judged by one clock, the store's, so two clients can never both hold a lease.
/// </summary>
public interface ILeaseStore : IAsyncDisposable
{
    /// <summary>The store's name in configuration (<c>sqlite</c>, <c>postgres</c>, <c>cluster</c>); see <see cref="LeaseStores"/>.</summary>
    string Name { get; }

    /// <summary>
    /// Acquires <paramref name="lease"/> for <paramref name="owner"/> for <paramref name="ttl"/> if it is
    /// free, expired, or already held by the same owner. Every success is a new term with a new, higher
    /// token (an owner that acquires again fences its own earlier term). <c>null</c>: another owner holds it.
    /// </summary>
    Task<LeaseGrant?> TryAcquireAsync(string lease, string owner, TimeSpan ttl, CancellationToken cancellationToken = default);

    /// <summary>
    /// Extends the term that <paramref name="token"/> names to <paramref name="ttl"/> from now.
    /// <c>null</c> (rejected): the lease has expired, was released, or a later term exists.
    /// </summary>
    Task<LeaseGrant?> TryRenewAsync(string lease, string owner, long token, TimeSpan ttl, CancellationToken cancellationToken = default);

    /// <summary>Ends the term that <paramref name="token"/> names. <c>false</c> (rejected): that term is not the current one.
    /// The token counter is kept, so the next holder gets a higher token.</summary>
    Task<bool> ReleaseAsync(string lease, string owner, long token, CancellationToken cancellationToken = default);

    /// <summary>The current holder (if any, by the store's clock) and the last token issued.</summary>
    Task<LeaseState> ReadAsync(string lease, CancellationToken cancellationToken = default);
}
