namespace MeshActors.Sharding;

/// <summary>
/// What a change of members does to a namespace's placement: the shards that move, their fraction,
/// and the ideal fraction — the least any placement keeping each member's load proportional to
/// its capacity must move, which is the total variation distance between the capacity shares
/// before and after (½ Σ |share before − share after|): 1/(N+1) when one member joins N equal
/// ones, 1/N when one of N leaves.
/// </summary>
/// <param name="Moved">The shards whose owner changes.</param>
/// <param name="ShardCount">The namespace's shard count.</param>
/// <param name="IdealFraction">The least fraction a capacity-proportional placement must move.</param>
public sealed record ShardMoves(int Moved, int ShardCount, double IdealFraction)
{
    /// <summary>Moved shards over all shards.</summary>
    public double MovedFraction => (double)Moved / ShardCount;

    /// <summary>Compares two placements of one namespace (before and after a change of members).</summary>
    public static ShardMoves Between(ShardPlacement before, ShardPlacement after)
    {
        var moved = before.AssignAll().ShardsMovedTo(after.AssignAll()).Count();
        return new ShardMoves(moved, before.Namespace.ShardCount, IdealFractionOf(before.Owners, after.Owners));
    }

    /// <summary>½ Σ |share before − share after| over the capacity shares of two owner sets.</summary>
    public static double IdealFractionOf(IReadOnlyList<ShardMember> before, IReadOnlyList<ShardMember> after)
    {
        var shares = new Dictionary<string, (double Before, double After)>(StringComparer.Ordinal);
        double totalBefore = before.Sum(m => (double)m.Capacity), totalAfter = after.Sum(m => (double)m.Capacity);
        foreach (var m in before)
        {
            shares[m.Id] = (m.Capacity / totalBefore, 0);
        }

        foreach (var m in after)
        {
            shares[m.Id] = (shares.GetValueOrDefault(m.Id).Before, m.Capacity / totalAfter);
        }

        return shares.Values.Sum(s => Math.Abs(s.Before - s.After)) / 2;
    }

    /// <summary>The largest load over the mean load per owner, for a table over <paramref name="owners"/> owners.</summary>
    public static double MaxOverMean(ShardAssignment assignment, int owners)
    {
        var loads = assignment.Loads();
        return loads.Count == 0 ? 0 : loads.Values.Max() / ((double)assignment.ShardCount / owners);
    }
}
