using Akka.Actor;
using Akka.Cluster;
using Akka.Discovery;
using Akka.Management.Cluster.Bootstrap;
using Akka.Management.Dsl;
using MeshActors.Diagnostics;
using MeshActors.Discovery.PeerCache;
using MeshActors.Hosting;
using Microsoft.Extensions.Logging;

namespace MeshActors.Bootstrap;

/// <summary>
/// How a MeshActors node joins, decided once at start (<see cref="ChooseMode"/>), and the parts
/// that carry it out: the mutual-TLS bootstrap endpoint (always, so nodes bootstrapping elsewhere
/// can probe this one), Akka Management's Cluster Bootstrap coordinator with MeshActors' prober,
/// and the split check once this node is Up.
/// </summary>
internal sealed class NodeBootstrap : IAsyncDisposable
{
    private readonly BootstrapServer _server;
    private readonly BootstrapClient _client;

    private NodeBootstrap(BootstrapServer server, BootstrapClient client) => (_server, _client) = (server, client);

    /// <summary>The node's bootstrap endpoint.</summary>
    public Uri Address => _server.Address;

    /// <summary>Which join a node uses: Akka's seed-node join when seed nodes are set; Cluster
    /// Bootstrap when any contact-point source is; else a single-node cluster at once.</summary>
    public static JoinMode ChooseMode(bool hasSeedNodes, bool hasContactSources) =>
        hasSeedNodes ? JoinMode.SeedNodes : hasContactSources ? JoinMode.ClusterBootstrap : JoinMode.SingleNode;

    /// <summary>Starts the endpoint and the join of <paramref name="mode"/>.</summary>
    public static async Task<NodeBootstrap> StartAsync(MeshNode node, ActorSystem system, JoinMode mode, PeerCacheStore? cache, ILogger log)
    {
        var options = node.Config.Options;
        var transport = options.Transport;
        var bindHost = options.Bootstrap.Host.Length > 0 ? options.Bootstrap.Host : transport.Host;
        var advertised = node.BootstrapHost;
        var cluster = Cluster.Get(system);
        var bootstrap = ClusterBootstrap.Get(system); // injects Akka.Management's reference settings below ours
        var settings = ClusterBootstrapSettings.Create(system.Settings.Config, Akka.Event.Logging.GetLogger(system, typeof(NodeBootstrap)));
        var server = await BootstrapServer.StartAsync(system, node.NodeId, options.Bootstrap, bindHost, node.Tls, node.Config.Layers, settings.ContactPoint.MaxSeedNodesToExpose).ConfigureAwait(false);
        var client = new BootstrapClient(node.Tls, settings.ContactPoint.ProbingFailureTimeout);
        var selfEndpoint = new MeshActors.Discovery.NodeAddress(advertised, server.Address.Port);
        var self = client.BaseUri(selfEndpoint);
        MeshActors.Discovery.Coordination.MeshDiscovery.Get(system).SetSelf(selfEndpoint);
        node.Bootstrap.Update(s => s with { Mode = mode, SelfContactPoint = self });
        MeshLog.BootstrapListening(log, self.ToString(), node.Tls is null ? "plain HTTP: tls.mode = insecure" : "HTTPS, client certificates from the cluster CA required");

        // The join decider reads this node's own contact point from ClusterBootstrap; it is set
        // when the routes are handed out (which MeshActors serves itself, see BootstrapServer).
        bootstrap.Routes(ManagementRouteProviderSettings.Create(self, readOnly: true));

        var discovery = new Lazy<ServiceDiscovery>(() => settings.ContactPointDiscovery.DiscoveryMethod == "akka.discovery"
            ? global::Akka.Discovery.Discovery.Get(system).Default
            : global::Akka.Discovery.Discovery.Get(system).LoadServiceDiscovery(settings.ContactPointDiscovery.DiscoveryMethod));
        var lookup = new Lookup(settings.ContactPointDiscovery.EffectiveName(system), settings.ContactPointDiscovery.PortName, settings.ContactPointDiscovery.Protocol);
        var fallbackPort = settings.ContactPoint.FallbackPort ?? server.Address.Port;

        switch (mode)
        {
            case JoinMode.SingleNode:
                MeshLog.SingleNodeCluster(log, node.NodeId, cluster.SelfAddress.ToString());
                Decided(node, log, new JoinDecisionRecord("single-node", DateTimeOffset.UtcNow, cluster.SelfAddress.ToString(), [cluster.SelfAddress.ToString()], [], "no seed nodes and no contact-point source are configured, so this node formed a single-node cluster at once"));
                cluster.Join(cluster.SelfAddress);
                break;
            case JoinMode.SeedNodes:
                var seeds = cluster.Settings.SeedNodes.Select(a => a.ToString()).ToArray();
                MeshLog.Joining(log, string.Join(", ", seeds));
                Decided(node, log, new JoinDecisionRecord("seed-nodes", DateTimeOffset.UtcNow, cluster.SelfAddress.ToString(), [.. seeds], [], "akka.cluster.seed-nodes is set (meshactors.discovery.static.seeds), so this node uses Akka's seed-node join: the first seed forms the cluster, the others join it"));
                break;
            case JoinMode.ClusterBootstrap:
                MeshLog.BootstrapStarting(log, settings.ContactPointDiscovery.DiscoveryMethod, lookup.ToString(), settings.ContactPointDiscovery.RequiredContactPointsNr, (long)settings.ContactPointDiscovery.StableMargin.TotalMilliseconds);
                var joinDecider = (IJoinDecider)Activator.CreateInstance(Type.GetType(settings.JoinDecider.ImplClass, throwOnError: true)!, system, settings)!;
                var method = discovery.Value;
                var status = node.Bootstrap;
                var metrics = node.Metrics;
                Action<JoinDecisionRecord> onDecided = d => Decided(node, log, d);
                var props = Props.Create(() => new MeshBootstrapCoordinator(method, joinDecider, settings, client, status, metrics, fallbackPort, onDecided));
                ((ExtendedActorSystem)system).SystemActorOf(props, "bootstrapCoordinator").Tell(new Akka.Management.Cluster.Bootstrap.Internal.BootstrapCoordinator.Protocol.InitiateBootstrapping(self));
                break;
        }

        var interval = options.Bootstrap.SplitCheckInterval;
        if (interval > TimeSpan.Zero && mode == JoinMode.ClusterBootstrap)
        {
            cluster.RegisterOnMemberUp(() =>
            {
                var method = discovery.Value;
                var status = node.Bootstrap;
                var metrics = node.Metrics;
                var timeout = settings.ContactPointDiscovery.ResolveTimeout;
                ((ExtendedActorSystem)system).SystemActorOf(Props.Create(() => new SplitCheck(method, lookup, timeout, fallbackPort, interval, client, status, metrics, cache)), "meshactors-split-check");
            });
        }

        return new NodeBootstrap(server, client);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync().ConfigureAwait(false);
        _client.Dispose();
    }

    private static void Decided(MeshNode node, ILogger log, JoinDecisionRecord decision)
    {
        node.Bootstrap.Decided(decision);
        MeshLog.JoinDecided(log, decision.Outcome, decision.SelfNode, string.Join(", ", decision.SeedNodes), string.Join(", ", decision.Via.Select(v => v.Endpoint)), decision.Reason);
    }
}
