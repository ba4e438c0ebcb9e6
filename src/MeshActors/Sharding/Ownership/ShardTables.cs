using System.Collections.Immutable;
using MeshActors.Hosting;
using MeshActors.Sharding.Akka;
using MeshActors.Sharding.Table;

namespace MeshActors.Sharding.Ownership;

/// <summary>
/// This node's copy of every namespace's shard table (<c>meshactors.sharding.namespaces</c>), for
/// embedders and the control plane: "who owns key K" answered in-process from an immutable table
/// (no lock, no message), a stream of new versions, and the seam Akka.Cluster.Sharding's
/// <see cref="ShardTableAllocationStrategy"/> reads. Versions only go forward: a copy older than the
/// one held is ignored. Get it from <c>MeshNode.Get(system).Shards</c>.
/// </summary>
public sealed class ShardTables
{
    private readonly ChangeFeed<Snapshot, ShardTableUpdate> _feed;

    internal ShardTables(IEnumerable<ShardNamespace> namespaces) =>
        _feed = new(new Snapshot(namespaces.ToImmutableSortedDictionary(n => n.Name, n => ShardTable.Unassigned(n.Name, n.ShardCount), StringComparer.Ordinal)));

    /// <summary>The namespaces, and the table of each as this node holds it (version 0 before the leader wrote one).</summary>
    public ImmutableSortedDictionary<string, ShardTable> Tables => _feed.Snapshot.Tables;

    /// <summary>The table of <paramref name="namespaceName"/>; throws <see cref="ArgumentException"/> naming the namespaces when it is not one.</summary>
    public ShardTable Table(string namespaceName) =>
        Tables.TryGetValue(namespaceName, out var table) ? table
            : throw new ArgumentException($"'{namespaceName}' is not a shard namespace here; namespaces: {string.Join(", ", Tables.Keys)} (meshactors.sharding.namespaces)", nameof(namespaceName));

    /// <summary>The shard of <paramref name="key"/> in <paramref name="namespaceName"/> and its owner's node id
    /// (<c>""</c> while unassigned), from this node's copy: a hash and two array reads.</summary>
    public (int Shard, string Owner) Lookup(string namespaceName, string key)
    {
        var table = Table(namespaceName);
        var shard = table.ShardOf(key);
        return (shard, table.OwnerOf(shard));
    }

    /// <summary>Every new version from the moment of this call on; read <see cref="Tables"/> for the state to start from.
    /// Ends when the enumeration does or the node stops.</summary>
    public IAsyncEnumerable<ShardTableUpdate> WatchAsync(CancellationToken cancellationToken = default) => _feed.WatchAsync(cancellationToken);

    /// <summary>The owners of <paramref name="namespaceName"/>'s shards as Akka.Cluster.Sharding's
    /// <see cref="ShardTableAllocationStrategy"/> reads them: always this node's latest copy.</summary>
    public IShardOwners Owners(string namespaceName)
    {
        _ = Table(namespaceName);
        return new LiveOwners(this, namespaceName);
    }

    /// <summary>Takes <paramref name="table"/> if it is newer than the copy held; returns whether it did.</summary>
    internal bool Offer(ShardTable table, ShardTableDiff? diff)
    {
        var taken = false;
        _feed.Update(s =>
        {
            if (!s.Tables.TryGetValue(table.Namespace, out var held) || table.Version <= held.Version || table.ShardCount != held.ShardCount)
            {
                return (s, []);
            }

            taken = true;
            var usable = diff is not null && diff.FromVersion == held.Version && diff.ToVersion == table.Version ? diff : null;
            return (new Snapshot(s.Tables.SetItem(table.Namespace, table)), [new ShardTableUpdate(table, held.Version, usable)]);
        });
        return taken;
    }

    internal void Complete() => _feed.Complete();

    internal sealed record Snapshot(ImmutableSortedDictionary<string, ShardTable> Tables);

    private sealed class LiveOwners(ShardTables tables, string namespaceName) : IShardOwners
    {
        public string Namespace => namespaceName;

        public int ShardCount => tables.Table(namespaceName).ShardCount;

        public long Version => tables.Table(namespaceName).Version;

        public string? OwnerOf(int shard) => tables.Table(namespaceName).OwnerOf(shard) is { Length: > 0 } owner ? owner : null;
    }
}
