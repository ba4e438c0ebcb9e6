using System.Collections.Concurrent;
using Akka.Actor;
using Akka.Cluster.Tools.Singleton;
using Akka.DistributedData;

namespace MeshActors.Leadership;

/// <summary>
/// Per ActorSystem, the arbiters of the <c>cluster</c> lease store, by arbiter name: the first store opened
/// for a name starts the <see cref="ClusterSingletonManager"/> (so this node can host the arbiter) and a
/// <see cref="ClusterSingletonProxy"/> (so requests reach it wherever it runs); later stores share them.
/// Akka's singleton needs its manager on every node of the role, so every such node must open the store
/// (every node that can hold the lease does) or call <see cref="Start"/> at start-up. The token counter is
/// replicated by Akka.DistributedData, so every member must run its replicator (MeshActors' membership
/// starts it on every node; this extension starts it too).
/// </summary>
public sealed class ClusterLeaseArbiters : IExtension
{
    private static readonly Provider Id = new();
    private readonly ExtendedActorSystem _system;
    private readonly ConcurrentDictionary<string, (ClusterLeaseStoreSettings Settings, Lazy<IActorRef> Proxy)> _started = new(StringComparer.Ordinal);

    private ClusterLeaseArbiters(ExtendedActorSystem system)
    {
        _system = system;
        system.Settings.InjectTopLevelFallback(ClusterSingleton.DefaultConfig());
        _ = DistributedData.Get(system); // this node's replicator: a majority is counted among the nodes that run one
    }

    /// <summary>The extension of <paramref name="system"/>.</summary>
    public static ClusterLeaseArbiters Get(ActorSystem system) => (ClusterLeaseArbiters)system.RegisterExtension(Id);

    /// <summary>
    /// Starts the arbiter's singleton manager and proxy on this node, once per arbiter name, and returns the
    /// proxy. Opening a store with the same name and different settings is an error: the lease space would
    /// have two sets of rules.
    /// </summary>
    public IActorRef Start(ClusterLeaseStoreSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        var entry = _started.GetOrAdd(settings.ArbiterName, _ => (settings, new Lazy<IActorRef>(() => Spawn(settings))));
        if (entry.Settings != settings)
        {
            throw new ArgumentException($"The cluster lease arbiter '{settings.ArbiterName}' already runs on this node with other settings ({entry.Settings}); use one set of settings per arbiter-name");
        }

        return entry.Proxy.Value;
    }

    private IActorRef Spawn(ClusterLeaseStoreSettings settings)
    {
        var role = string.IsNullOrEmpty(settings.Role) ? null : settings.Role;
        _system.SystemActorOf(
            ClusterSingletonManager.Props(ClusterLeaseArbiter.Props(settings, TimeProvider.System), PoisonPill.Instance, ClusterSingletonManagerSettings.Create(_system).WithRole(role)),
            settings.ArbiterName);
        return _system.SystemActorOf(
            ClusterSingletonProxy.Props($"/system/{settings.ArbiterName}", ClusterSingletonProxySettings.Create(_system).WithRole(role)),
            settings.ArbiterName + "-proxy");
    }

    private sealed class Provider : ExtensionIdProvider<ClusterLeaseArbiters>
    {
        public override ClusterLeaseArbiters CreateExtension(ExtendedActorSystem system) => new(system);
    }
}
