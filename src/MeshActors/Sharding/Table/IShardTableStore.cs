namespace MeshActors.Sharding.Table;

/// <summary>
/// Durable, fenced storage of each namespace's latest <see cref="ShardTable"/> and its diff history, in the
/// lease store's database (same SQLite file, same PostgreSQL database; tables of its own). Guarantees,
/// checked by one conformance suite for every backend: an append is atomic (table and diff, or neither);
/// versions go up by exactly one; a write whose fencing token is lower than the highest stored for the
/// namespace is refused, so a deposed leader can never overwrite its successor, and a new leader continues
/// from the latest version and never goes back. Stores are named like the lease stores (<c>sqlite</c>, <c>postgres</c>).
/// </summary>
public interface IShardTableStore : IAsyncDisposable
{
    /// <summary>The store's name in configuration, the same as its lease store's.</summary>
    string Name { get; }

    /// <summary>The latest stored table of <paramref name="namespaceName"/>, or <see langword="null"/> when none was written
    /// (start from <see cref="ShardTable.Unassigned"/>). Throws <see cref="FormatException"/> if the stored table is corrupt.</summary>
    Task<ShardTable?> LoadLatestAsync(string namespaceName, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores <paramref name="table"/> as the new latest version with <paramref name="diff"/> (which must lead to it:
    /// else <see cref="ArgumentException"/>), atomically. A normal refusal — a stale fencing token, a version that is
    /// not latest + 1 — is a result, not an exception.
    /// </summary>
    Task<ShardTableAppendResult> AppendAsync(ShardTable table, ShardTableDiff diff, CancellationToken cancellationToken = default);

    /// <summary>The diffs that take <paramref name="namespaceName"/> from <paramref name="fromVersion"/> to
    /// <paramref name="toVersion"/> (those with from ≥ <paramref name="fromVersion"/> and to ≤ <paramref name="toVersion"/>), oldest first.</summary>
    Task<IReadOnlyList<ShardTableDiff>> HistoryAsync(string namespaceName, long fromVersion, long toVersion, CancellationToken cancellationToken = default);
}
