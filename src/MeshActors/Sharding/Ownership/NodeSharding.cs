using Akka.Actor;
using MeshActors.Configuration;
using MeshActors.Diagnostics;
using MeshActors.Hosting;
using MeshActors.Sharding.Table;
using Microsoft.Extensions.Logging;

namespace MeshActors.Sharding.Ownership;

/// <summary>Starts a node's <see cref="ShardTableKeeper"/> over the shard-table store in the lease store's database, when namespaces are configured.</summary>
internal sealed class NodeSharding : IAsyncDisposable
{
    private readonly IShardTableStore? _store;

    private NodeSharding(IShardTableStore? store, IActorRef keeper) => (_store, Keeper) = (store, keeper);

    /// <summary>The keeper (<c>/user/mesh/shards</c>); <see cref="ActorRefs.Nobody"/> without namespaces.</summary>
    public IActorRef Keeper { get; }

    /// <summary>The store the tables and their history are kept in; null without namespaces.</summary>
    public IShardTableStore? Store => _store;

    /// <exception cref="ConfigValidationException">The lease store cannot keep shard tables.</exception>
    public static async Task<NodeSharding> StartAsync(MeshNode node, ActorSystem system, IActorRef mesh, IAuditSink audit, ILogger log)
    {
        var options = node.Config.Options;
        if (options.Sharding.Namespaces.Count == 0)
        {
            return new NodeSharding(null, ActorRefs.Nobody);
        }

        IShardTableStore store;
        try
        {
            store = ShardTableStores.Create(options.Leadership.Store, system.Settings.Config.GetConfig("meshactors.leadership.stores"), options.Node.DataDir);
        }
        catch (ArgumentException e)
        {
            throw new ConfigValidationException([new ConfigError("meshactors.sharding.namespaces", node.Config.Layers.OriginOf("meshactors.sharding.namespaces"), e.Message,
                "keep shard tables in a database: set meshactors.leadership.lease.store to sqlite or postgres, or remove the namespaces")]);
        }

        var settings = new ShardTableKeeper.Settings(node.NodeId, options.Sharding, node.Shards, store, node.Leaders, node.Membership, node.Metrics, audit, log, node.Time);
        var keeper = await MeshGuardian.StartChildAsync(mesh, system, Props.Create(() => new ShardTableKeeper(settings)), "shards").ConfigureAwait(false);
        return new NodeSharding(store, keeper);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync().ConfigureAwait(false);
        }
    }
}
