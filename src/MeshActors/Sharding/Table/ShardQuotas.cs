namespace MeshActors.Sharding.Table;

/// <summary>
/// The table-aware target of the <see cref="ShardPlanner"/>: every owner gets exactly its capacity quota
/// of shards (largest-remainder apportionment of the shard count; equal remainders go first to the owner
/// holding more, then to the lower id), and within those quotas the fewest shards move: a shard stays on
/// its current owner unless that owner is over quota or may not own it, and a shard that must move goes
/// to the strategy's owner for it when that owner has room. So one member joining N equal ones moves
/// exactly the joiner's quota, ⌊S/(N+1)⌋ or ⌈S/(N+1)⌉ shards, and one leaving moves exactly its own.
/// </summary>
internal static class ShardQuotas
{
    /// <summary>The target owner of every shard.</summary>
    /// <param name="preferred">The strategy's owner of every shard over <paramref name="owners"/>.</param>
    /// <param name="current">Each shard's current owner when it is one of <paramref name="owners"/>, else <see langword="null"/> (it must move).</param>
    /// <param name="owners">The members that may own shards, sorted by id; not empty.</param>
    public static string[] Balance(ShardAssignment preferred, string?[] current, IReadOnlyList<ShardMember> owners)
    {
        var shardCount = current.Length;
        var indexOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < owners.Count; i++)
        {
            indexOf[owners[i].Id] = i;
        }

        var want = new int[shardCount];
        var at = new int[shardCount];
        var loads = new int[owners.Count];
        for (var shard = 0; shard < shardCount; shard++)
        {
            want[shard] = indexOf[preferred[shard]];
            at[shard] = current[shard] is { } owner && indexOf.TryGetValue(owner, out var i) ? i : -1;
            if (at[shard] >= 0)
            {
                loads[at[shard]]++;
            }
        }

        var quotas = Quotas(shardCount, owners, loads);
        var deficit = new int[owners.Count];
        var excess = new int[owners.Count];
        for (var i = 0; i < owners.Count; i++)
        {
            deficit[i] = Math.Max(0, quotas[i] - loads[i]);
            excess[i] = Math.Max(0, loads[i] - quotas[i]);
        }

        var pool = new List<int>();

        // Shards that must move go to the strategy's owner while it has room.
        for (var shard = 0; shard < shardCount; shard++)
        {
            if (at[shard] < 0)
            {
                if (deficit[want[shard]] > 0)
                {
                    deficit[want[shard]]--;
                    at[shard] = want[shard];
                }
                else
                {
                    pool.Add(shard);
                }
            }
        }

        // Owners over quota give up, first, shards the strategy gives to an owner with room; then shards
        // the strategy gives to someone else; then any.
        var held = Enumerable.Range(0, owners.Count).Select(_ => new List<int>()).ToArray();
        for (var shard = 0; shard < shardCount; shard++)
        {
            if (at[shard] >= 0 && excess[at[shard]] > 0)
            {
                held[at[shard]].Add(shard);
            }
        }

        for (var i = 0; i < owners.Count; i++)
        {
            foreach (var shard in held[i])
            {
                if (excess[i] == 0)
                {
                    break;
                }

                if (want[shard] == i || deficit[want[shard]] == 0)
                {
                    continue;
                }

                deficit[want[shard]]--;
                excess[i]--;
                at[shard] = want[shard];
            }

            foreach (var pass in new Func<int, bool>[] { s => want[s] != i, _ => true })
            {
                foreach (var shard in held[i].Where(s => at[s] == i && pass(s)).ToList())
                {
                    if (excess[i] == 0)
                    {
                        break;
                    }

                    excess[i]--;
                    at[shard] = -1;
                    pool.Add(shard);
                }
            }
        }

        // The rest: the strategy's owner if it still has room, else the first owner (by id) that has.
        pool.Sort();
        var next = 0;
        foreach (var shard in pool)
        {
            if (deficit[want[shard]] > 0)
            {
                deficit[want[shard]]--;
                at[shard] = want[shard];
                continue;
            }

            while (deficit[next] == 0)
            {
                next++;
            }

            deficit[next]--;
            at[shard] = next;
        }

        var result = new string[shardCount];
        for (var shard = 0; shard < shardCount; shard++)
        {
            result[shard] = owners[at[shard]].Id;
        }

        return result;
    }

    /// <summary>Largest-remainder apportionment of <paramref name="shardCount"/> by capacity, in integers (the same on every platform).</summary>
    internal static int[] Quotas(int shardCount, IReadOnlyList<ShardMember> owners, int[] loads)
    {
        long total = owners.Sum(m => (long)m.Capacity);
        var quotas = new int[owners.Count];
        var remainders = new long[owners.Count];
        var given = 0;
        for (var i = 0; i < owners.Count; i++)
        {
            var share = (long)shardCount * owners[i].Capacity;
            quotas[i] = (int)(share / total);
            remainders[i] = share % total;
            given += quotas[i];
        }

        var order = Enumerable.Range(0, owners.Count)
            .OrderByDescending(i => remainders[i])
            .ThenByDescending(i => loads[i])
            .ThenBy(i => i);
        foreach (var i in order.Take(shardCount - given))
        {
            quotas[i]++;
        }

        return quotas;
    }
}
