namespace MeshActors.Leadership.Election;

/// <summary>
/// How an observer folds what the lease store says into the leader it knows. Pure; table-tested.
/// Reads may come back out of order (two reads in flight, a store replica behind), so a term is
/// never replaced by one with a lower token, and the same term only refreshes its expiry.
/// </summary>
public static class LeadershipRules
{
    /// <summary>The leader to know after reading <paramref name="state"/>, and the change to report, if any.</summary>
    /// <param name="scope">The scope whose lease was read.</param>
    /// <param name="known">The leader known before the read.</param>
    /// <param name="state">What the store said.</param>
    /// <param name="now">The observer's clock, for <see cref="LeadershipChange.ObservedAt"/>.</param>
    public static (LeaderInfo? Known, LeadershipChange? Change) Observe(string scope, LeaderInfo? known, LeaseState state, DateTimeOffset now)
    {
        if (state.Holder is not { } holder)
        {
            // A term of ours the store has not ended by its clock is still in force for everyone else.
            return known is not null && state.LastToken >= known.FencingToken
                ? (null, new LeadershipChange(scope, known, null, now))
                : (known, null);
        }

        var observed = LeaderInfo.From(scope, holder);
        if (known is null || observed.FencingToken > known.FencingToken)
        {
            return (observed, new LeadershipChange(scope, known, observed, now));
        }

        return observed.FencingToken == known.FencingToken && observed.ExpiresAt > known.ExpiresAt
            ? (known with { ExpiresAt = observed.ExpiresAt }, null)
            : (known, null);
    }

    /// <summary>
    /// Whether this node and the store disagree about who holds the lease: this node still holds
    /// term <paramref name="localToken"/> (its safe deadline has not passed) while the store names
    /// a later term (or the same term under another owner). A read that shows an earlier term is only
    /// late (it was served before this node's acquisition) and proves nothing. A correct store and a correct margin never allow it; seeing it
    /// means two holders existed at once (a store restored from an old backup, a clock that jumped,
    /// a process paused past its margin), and it is counted as a split-brain detection.
    /// </summary>
    public static bool TwoHolders(string self, long? localToken, LeaseState state) =>
        localToken is { } token && state.Holder is { } holder && (holder.FencingToken > token || (holder.FencingToken == token && holder.Owner != self));
}
