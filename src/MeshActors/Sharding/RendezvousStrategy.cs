namespace MeshActors.Sharding;

/// <summary>
/// Rendezvous (highest random weight) hashing, weighted: each member scores each shard as
/// <c>capacity / −ln(u)</c>, with <c>u</c> in (0, 1) from <see cref="StableHash"/> of (member, shard),
/// and the highest score owns it (Schindelhauer and Schomaker's weighted distributed hash table;
/// the −w/ln(h) form). A member's expected share is its capacity over the total. Adding a member
/// moves only the shards it now wins; removing one moves only the shards it owned. Computing an
/// owner costs one hash per member (and a logarithm when capacities differ).
/// </summary>
public sealed class RendezvousStrategy : IShardPlacementStrategy
{
    /// <summary>The configuration name, <c>rendezvous</c>.</summary>
    public const string StrategyName = "rendezvous";

    /// <inheritdoc />
    public string Name => StrategyName;

    /// <inheritdoc />
    public ShardPlacement Prepare(ShardNamespace shardNamespace, IEnumerable<ShardMember> members) =>
        new Placement(shardNamespace, EligibleMembers.Of(shardNamespace, members));

    /// <summary>The same rendezvous placement over an already validated, sorted candidate list (used by locality).</summary>
    internal static ShardPlacement Over(ShardNamespace shardNamespace, IReadOnlyList<ShardMember> candidates) => new Placement(shardNamespace, candidates);

    private sealed class Placement : ShardPlacement
    {
        private readonly ulong _namespaceHash;
        private readonly ulong[] _memberHashes;
        private readonly double[] _capacities;
        private readonly bool _equalCapacities;

        public Placement(ShardNamespace shardNamespace, IReadOnlyList<ShardMember> owners)
            : base(shardNamespace, owners)
        {
            _namespaceHash = StableHash.Of(shardNamespace.Name);
            _memberHashes = owners.Select(m => StableHash.Of(m.Id)).ToArray();
            _capacities = owners.Select(m => (double)m.Capacity).ToArray();
            _equalCapacities = owners.All(m => m.Capacity == owners[0].Capacity);
        }

        protected override int OwnerIndexOf(int shard)
        {
            var key = StableHash.Combine(_namespaceHash, (ulong)shard);
            var best = 0;
            if (_equalCapacities)
            {
                // capacity / −ln(u) grows with u, so with equal capacities the largest hash wins; ties go to the lower id.
                var bestHash = StableHash.Combine(_memberHashes[0], key);
                for (var i = 1; i < _memberHashes.Length; i++)
                {
                    var hash = StableHash.Combine(_memberHashes[i], key);
                    if (hash > bestHash)
                    {
                        (best, bestHash) = (i, hash);
                    }
                }

                return best;
            }

            var bestScore = double.NegativeInfinity;
            for (var i = 0; i < _memberHashes.Length; i++)
            {
                var score = _capacities[i] / -Math.Log(StableHash.ToUnitInterval(StableHash.Combine(_memberHashes[i], key)));
                if (score > bestScore)
                {
                    (best, bestScore) = (i, score);
                }
            }

            return best;
        }
    }
}
