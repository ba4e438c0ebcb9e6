namespace MeshActors.Views.Limits;

/// <summary>
/// Which links to drop when a node holds more than its maximum: the lowest score first; among equal
/// scores the most recently connected first, because a link that has lasted has shown it works and an
/// attacker who wants to displace it must keep better-scored links up for longer (Bitcoin Core
/// protects its longest-lived peers for the same reason); then by node id, so the answer repeats.
/// </summary>
public static class ConnectionLimit
{
    /// <summary>The links to prune so that at most <paramref name="maxPeers"/> remain, in pruning order; empty when within the limit.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxPeers"/> is negative.</exception>
    public static IReadOnlyList<ScoredLink> Prune(IEnumerable<ScoredLink> active, int maxPeers)
    {
        ArgumentNullException.ThrowIfNull(active);
        ArgumentOutOfRangeException.ThrowIfNegative(maxPeers);
        var links = active.ToList();
        return links.Count <= maxPeers
            ? []
            : [.. links.Order(PruneOrder.Instance).Take(links.Count - maxPeers)];
    }

    private sealed class PruneOrder : IComparer<ScoredLink>
    {
        public static readonly PruneOrder Instance = new();

        public int Compare(ScoredLink x, ScoredLink y)
        {
            var byScore = x.Score.CompareTo(y.Score);
            if (byScore != 0)
            {
                return byScore;
            }

            var byAge = y.ConnectedAt.CompareTo(x.ConnectedAt);
            return byAge != 0 ? byAge : string.CompareOrdinal(x.NodeId, y.NodeId);
        }
    }
}
