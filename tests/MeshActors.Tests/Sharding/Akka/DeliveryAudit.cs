namespace MeshActors.Tests.Sharding.Akka;

/// <summary>
/// Checks a delivery log against what the sender saw acknowledged and against the table's history.
/// Exactly once and in order: entity e's deliveries, in the order they ran, are 1, 2, … acked(e).
/// By the owner of the moment: Akka moves a shard only after the table changes (at the next rebalance
/// round, then a hand-off), so a message handled at table version v may run on the shard's owner in v,
/// or on the owner before the latest change of that shard up to v while the new owner has handled
/// nothing of this entity since that change. Once the new owner has handled one, the old owner never
/// handles another: a shard never goes back.
/// </summary>
internal static class DeliveryAudit
{
    public static List<string> Problems(IReadOnlyList<Delivery> log, IReadOnlyDictionary<string, long> acked, InMemoryShardOwners table, Func<string, int> shardOf)
    {
        var problems = new List<string>();
        var byEntity = log.ToLookup(d => d.EntityId);
        foreach (var (entity, last) in acked)
        {
            var handled = byEntity[entity].ToList();
            var seqs = handled.Select(d => d.Seq).ToList();
            if (!seqs.SequenceEqual(Enumerable.Range(1, (int)last).Select(i => (long)i)))
            {
                problems.Add($"{entity}: handled [{Describe(seqs)}], expected 1..{last} once each, in order");
                continue;
            }

            var shard = shardOf(entity);
            var floor = 0L; // the table version from which the entity's current owner has handled it
            foreach (var d in handled)
            {
                var since = LastChange(table, shard, d.TableVersion);
                var current = table.OwnerOf(shard, d.TableVersion);
                if (d.NodeId == current)
                {
                    floor = since;
                }
                else if (since > 1 && since > floor && d.NodeId == table.OwnerOf(shard, since - 1))
                {
                    // the previous owner, before the hand-off of this change: allowed
                }
                else
                {
                    problems.Add($"{entity} #{d.Seq} (shard {shard}) ran on {d.NodeId} at table v{d.TableVersion}, where the owner is {current} since v{since}" +
                        (since > 1 ? $" (before: {table.OwnerOf(shard, since - 1)})" : string.Empty) + (since <= floor ? " and the new owner had already handled it" : string.Empty));
                }
            }
        }

        return problems;
    }

    /// <summary>The version, at most <paramref name="version"/>, in which <paramref name="shard"/> got the owner it has in <paramref name="version"/>.</summary>
    private static long LastChange(InMemoryShardOwners table, int shard, long version)
    {
        var v = version;
        while (v > 1 && table.OwnerOf(shard, v - 1) == table.OwnerOf(shard, version))
        {
            v--;
        }

        return v;
    }

    private static string Describe(List<long> seqs) =>
        seqs.Count <= 12 ? string.Join(",", seqs) : $"{string.Join(",", seqs.Take(6))} … {string.Join(",", seqs.TakeLast(6))} ({seqs.Count} in all)";
}
