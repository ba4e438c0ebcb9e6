namespace MeshActors.Sharding;

/// <summary>
/// Consistent hashing on a 64-bit ring with virtual nodes (Karger et al.): a member of capacity
/// <c>c</c> puts <c>round(VirtualNodesPer100 · c / 100)</c> points on the ring (at least 1), each
/// shard hashes to a point, and the first member point clockwise from it owns it. Adding a member
/// moves only shards onto it; removing one moves only its shards. A lookup is a binary search over
/// all points. More virtual nodes give a more even load at the cost of a larger ring.
/// </summary>
public sealed class RingStrategy : IShardPlacementStrategy
{
    /// <summary>The configuration name, <c>ring</c>.</summary>
    public const string StrategyName = "ring";

    /// <summary>The default number of virtual nodes for a member of capacity 100.</summary>
    public const int DefaultVirtualNodesPer100 = 1024;

    /// <summary>Creates the strategy with <paramref name="virtualNodesPer100"/> points per 100 capacity (1 to 10,000).</summary>
    public RingStrategy(int virtualNodesPer100 = DefaultVirtualNodesPer100)
    {
        if (virtualNodesPer100 is < 1 or > 10_000)
        {
            throw new ArgumentOutOfRangeException(nameof(virtualNodesPer100), virtualNodesPer100, "give 1 to 10,000 virtual nodes per 100 capacity");
        }

        VirtualNodesPer100 = virtualNodesPer100;
    }

    /// <summary>Virtual nodes for a member of capacity 100.</summary>
    public int VirtualNodesPer100 { get; }

    /// <inheritdoc />
    public string Name => StrategyName;

    /// <inheritdoc />
    public ShardPlacement Prepare(ShardNamespace shardNamespace, IEnumerable<ShardMember> members) =>
        new Placement(shardNamespace, EligibleMembers.Of(shardNamespace, members), VirtualNodesPer100);

    private sealed class Placement : ShardPlacement
    {
        private readonly ulong _namespaceHash;
        private readonly ulong[] _points;
        private readonly int[] _pointOwners;

        public Placement(ShardNamespace shardNamespace, IReadOnlyList<ShardMember> owners, int virtualNodesPer100)
            : base(shardNamespace, owners)
        {
            _namespaceHash = StableHash.Of(shardNamespace.Name);
            var ring = new List<(ulong Point, int Owner)>();
            for (var i = 0; i < owners.Count; i++)
            {
                var memberHash = StableHash.Of(owners[i].Id);
                var virtualNodes = Math.Max(1, (int)Math.Round((long)virtualNodesPer100 * owners[i].Capacity / 100.0, MidpointRounding.AwayFromZero));
                for (var v = 0; v < virtualNodes; v++)
                {
                    ring.Add((StableHash.Combine(memberHash, (ulong)v), i));
                }
            }

            // Equal points (astronomically rare) go to the lower id, so the order members were given in never matters.
            ring.Sort((a, b) => a.Point != b.Point ? a.Point.CompareTo(b.Point) : a.Owner.CompareTo(b.Owner));
            _points = ring.Select(p => p.Point).ToArray();
            _pointOwners = ring.Select(p => p.Owner).ToArray();
        }

        protected override int OwnerIndexOf(int shard)
        {
            var position = StableHash.Combine(_namespaceHash, (ulong)shard);
            var index = Array.BinarySearch(_points, position);
            if (index < 0)
            {
                index = ~index;
            }
            else
            {
                while (index > 0 && _points[index - 1] == position)
                {
                    index--;
                }
            }

            return _pointOwners[index == _points.Length ? 0 : index];
        }
    }
}
