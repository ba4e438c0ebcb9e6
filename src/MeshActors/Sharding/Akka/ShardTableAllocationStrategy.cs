using System.Collections.Immutable;
using Akka.Actor;
using Akka.Cluster;
using Akka.Cluster.Sharding;

namespace MeshActors.Sharding.Akka;

/// <summary>
/// An <see cref="IShardAllocationStrategy"/> that places Akka.Cluster.Sharding's shards where a
/// MeshActors shard table says: shard id <c>"s"</c> (see <see cref="ShardKeys.ToShardId"/>) goes to the
/// <c>ShardRegion</c> on the node that <see cref="IShardOwners.OwnerOf"/> names for shard <c>s</c>.
/// <list type="bullet">
/// <item><see cref="AllocateShard"/> answers the owner's region. When the owner is unknown (no owner in
/// the table, the node id resolves to no address, no region is registered at that address yet, or the
/// shard id is not a shard of the table), it answers the requesting region if that is a registered
/// region, else the region with the fewest shards; the next <see cref="Rebalance"/> after the owner's
/// region appears moves the shard there.</item>
/// <item><see cref="Rebalance"/> answers the shards whose region is not their owner's region, lowest
/// shard number first, at most <see cref="MaxSimultaneousRebalance"/> minus those already in progress,
/// and never a shard already in progress. A shard whose owner has no region stays where it is.</item>
/// </list>
/// The coordinator (a cluster singleton) calls it on one node; <see cref="Start"/> learns that node's
/// address, because Akka hands the coordinator its own node's region as a local reference without one.
/// </summary>
public sealed class ShardTableAllocationStrategy : IActorSystemDependentAllocationStrategy
{
    /// <summary>The default of <see cref="MaxSimultaneousRebalance"/>, Akka's own default for <c>max-simultaneous-rebalance</c>.</summary>
    public const int DefaultMaxSimultaneousRebalance = 3;

    private readonly IShardOwners _owners;
    private readonly Func<string, Address?> _addressOfNode;
    private Address? _selfAddress;

    /// <summary>Creates the strategy for one namespace.</summary>
    /// <param name="owners">The table: the owner node id of each shard, read on every call.</param>
    /// <param name="addressOfNode">The Akka address of a MeshActors node id (for example from member metadata, published per <c>address#uid</c>), or null when the node is not a member.</param>
    /// <param name="maxSimultaneousRebalance">How many shards may be handing off at once; at least 1.</param>
    /// <param name="selfAddress">The address of this node; when null, <see cref="Start"/> takes it from <c>Cluster.Get(system).SelfAddress</c>.</param>
    public ShardTableAllocationStrategy(IShardOwners owners, Func<string, Address?> addressOfNode, int maxSimultaneousRebalance = DefaultMaxSimultaneousRebalance, Address? selfAddress = null)
    {
        ArgumentNullException.ThrowIfNull(owners);
        ArgumentNullException.ThrowIfNull(addressOfNode);
        if (maxSimultaneousRebalance < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxSimultaneousRebalance), maxSimultaneousRebalance, "at least 1 shard must be allowed to move at a time");
        }

        _owners = owners;
        _addressOfNode = addressOfNode;
        MaxSimultaneousRebalance = maxSimultaneousRebalance;
        _selfAddress = selfAddress;
    }

    /// <summary>The most shards in hand-off at once, counting those already in progress.</summary>
    public int MaxSimultaneousRebalance { get; }

    /// <summary>Called by the shard coordinator before any allocation: learns this node's address unless it was given.</summary>
    public void Start(ActorSystem system) => _selfAddress ??= Cluster.Get(system).SelfAddress;

    /// <inheritdoc/>
    public Task<IActorRef> AllocateShard(IActorRef requester, string shardId, IImmutableDictionary<IActorRef, IImmutableList<string>> currentShardAllocations)
    {
        var regions = RegionsByAddress(currentShardAllocations);
        var region = OwnerRegion(shardId, regions) ?? Fallback(requester, currentShardAllocations);
        return Task.FromResult(region);
    }

    /// <inheritdoc/>
    public Task<IImmutableSet<string>> Rebalance(IImmutableDictionary<IActorRef, IImmutableList<string>> currentShardAllocations, IImmutableSet<string> rebalanceInProgress)
    {
        var budget = MaxSimultaneousRebalance - rebalanceInProgress.Count;
        if (budget <= 0)
        {
            return Task.FromResult<IImmutableSet<string>>(ImmutableHashSet<string>.Empty);
        }

        var regions = RegionsByAddress(currentShardAllocations);
        var misplaced = new List<(int Shard, string ShardId)>();
        foreach (var (region, shards) in currentShardAllocations)
        {
            foreach (var shardId in shards)
            {
                if (rebalanceInProgress.Contains(shardId) || !ShardKeys.TryParseShardId(shardId, _owners.ShardCount, out var shard))
                {
                    continue;
                }

                var owner = OwnerRegion(shardId, regions);
                if (owner is not null && !owner.Equals(region))
                {
                    misplaced.Add((shard, shardId));
                }
            }
        }

        IImmutableSet<string> chosen = misplaced.OrderBy(m => m.Shard).Take(budget).Select(m => m.ShardId).ToImmutableHashSet(StringComparer.Ordinal);
        return Task.FromResult(chosen);
    }

    private Dictionary<Address, IActorRef> RegionsByAddress(IImmutableDictionary<IActorRef, IImmutableList<string>> allocations)
    {
        var regions = new Dictionary<Address, IActorRef>();
        foreach (var region in allocations.Keys)
        {
            var address = region.Path.Address.HasLocalScope ? _selfAddress : region.Path.Address;
            if (address is not null)
            {
                regions[address] = region;
            }
        }

        return regions;
    }

    /// <summary>The region on the table owner's node, or null when any link from shard id to region is missing.</summary>
    private IActorRef? OwnerRegion(string shardId, Dictionary<Address, IActorRef> regions)
    {
        if (!ShardKeys.TryParseShardId(shardId, _owners.ShardCount, out var shard))
        {
            return null;
        }

        var owner = _owners.OwnerOf(shard);
        var address = owner is null ? null : _addressOfNode(owner);
        return address is not null && regions.TryGetValue(address, out var region) ? region : null;
    }

    private static IActorRef Fallback(IActorRef requester, IImmutableDictionary<IActorRef, IImmutableList<string>> allocations)
    {
        if (allocations.ContainsKey(requester) || allocations.Count == 0)
        {
            return requester;
        }

        // The requester is not a registered region (a proxy asked): the least loaded region, ties by address, as Akka's least-shard strategy would.
        return allocations
            .OrderBy(a => a.Value.Count)
            .ThenBy(a => a.Key.Path.ToString(), StringComparer.Ordinal)
            .First().Key;
    }
}
