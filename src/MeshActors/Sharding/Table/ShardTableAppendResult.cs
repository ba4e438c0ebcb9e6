namespace MeshActors.Sharding.Table;

/// <summary>The answer of <see cref="IShardTableStore.AppendAsync"/>: whether the write was stored, and if not why,
/// with the store's latest version and highest fencing token for the namespace at that moment.</summary>
/// <param name="Outcome">Stored, or why not.</param>
/// <param name="LatestVersion">The latest stored version after the call (0: none).</param>
/// <param name="HighestToken">The highest fencing token stored for the namespace after the call (0: none).</param>
public sealed record ShardTableAppendResult(ShardTableAppendOutcome Outcome, long LatestVersion, long HighestToken)
{
    /// <summary>Whether the write was stored.</summary>
    public bool Appended => Outcome == ShardTableAppendOutcome.Appended;

    /// <summary>Why, in words.</summary>
    public string Message => Outcome switch
    {
        ShardTableAppendOutcome.Appended => $"stored version {LatestVersion}",
        ShardTableAppendOutcome.StaleToken => $"refused: fencing token {HighestToken} already wrote this namespace; a newer leader exists",
        _ => $"refused: the latest stored version is {LatestVersion}; a write must be version {LatestVersion + 1}",
    };

    /// <summary>
    /// The store's decision, the same for every backend: refuse a token lower than <paramref name="highestToken"/>
    /// first (a stale leader), then a version other than <paramref name="latestVersion"/> + 1.
    /// </summary>
    internal static ShardTableAppendResult Decide(long latestVersion, long highestToken, ShardTable table) =>
        table.FencingToken < highestToken ? new(ShardTableAppendOutcome.StaleToken, latestVersion, highestToken)
        : table.Version != latestVersion + 1 ? new(ShardTableAppendOutcome.VersionConflict, latestVersion, highestToken)
        : new(ShardTableAppendOutcome.Appended, table.Version, table.FencingToken);

    /// <summary>Checks that <paramref name="diff"/> leads to <paramref name="table"/>: a caller's mistake, not a rejection.</summary>
    internal static void CheckPair(ShardTable table, ShardTableDiff diff)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(diff);
        if (!string.Equals(diff.Namespace, table.Namespace, StringComparison.Ordinal) || diff.ToVersion != table.Version
            || diff.FromVersion != table.Version - 1 || diff.FencingToken != table.FencingToken)
        {
            throw new ArgumentException(
                $"the diff ({diff.Namespace} v{diff.FromVersion}→v{diff.ToVersion}, token {diff.FencingToken}) does not lead to the table ({table.Namespace} v{table.Version}, token {table.FencingToken}); append one version at a time with its diff",
                nameof(diff));
        }
    }
}
