namespace MeshActors.Sharding.Table;

/// <summary>
/// Limits on graceful moves (draining a cordoned node, rebalancing onto a new member): at most
/// <see cref="MaxParallelMoves"/> shards <see cref="ShardState.Moving"/> at once, and a batch settles
/// (and the next may start) only <see cref="Cooldown"/> after the table version that started it.
/// Shards of unreachable or removed owners are not limited: nobody serves them, so they move at once.
/// </summary>
public sealed record RebalanceGuardrails
{
    /// <summary>Creates guardrails; throws <see cref="ArgumentOutOfRangeException"/> naming the bad value.</summary>
    /// <param name="maxParallelMoves">Shards in flight at once; at least 1.</param>
    /// <param name="cooldown">Time a batch is given to hand over before the next starts; 0 or more.</param>
    public RebalanceGuardrails(int maxParallelMoves, TimeSpan cooldown)
    {
        if (maxParallelMoves < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxParallelMoves), maxParallelMoves, "give at least 1 parallel move");
        }

        if (cooldown < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(cooldown), cooldown, "give a cooldown of 0 or more");
        }

        MaxParallelMoves = maxParallelMoves;
        Cooldown = cooldown;
    }

    /// <summary>The most shards <see cref="ShardState.Moving"/> at once.</summary>
    public int MaxParallelMoves { get; }

    /// <summary>How long a batch of moves is given before it settles and the next batch may start.</summary>
    public TimeSpan Cooldown { get; }
}
