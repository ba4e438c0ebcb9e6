using System.Runtime.CompilerServices;
using Akka.Actor;
using Akka.Cluster;
using MeshActors.Configuration;
using MeshActors.Control;
using MeshActors.Diagnostics;
using MeshActors.Membership;
using MeshActors.Randomness;
using MeshActors.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MeshActors.Hosting;

/// <summary>
/// MeshActors inside one ActorSystem: the node's identity, its TLS credentials, its member list,
/// metrics and control endpoint. Made by <c>WithMeshActors()</c>; get it with
/// <see cref="Get(ActorSystem)"/>. Its actors live under <c>/user/mesh</c>.
/// </summary>
public sealed class MeshNode
{
    private static readonly ConditionalWeakTable<ActorSystem, MeshNode> Nodes = new();
    private readonly DeferredAuditSink _audit = new();

    /// <summary>Loggers handed out before the host's logging reaches the node (peer cache, discovery); attached at start.</summary>
    internal DeferredLoggerFactory Loggers { get; } = new();
    private ControlServer? _control;
    private MeshActors.Bootstrap.NodeBootstrap? _bootstrap;

    internal MeshNode(LoadedConfig config, TimeProvider time)
    {
        Config = config;
        Time = time;
        (NodeId, NodeIdGenerated) = NodeIdentityStore.LoadOrCreate(config.Options.Node, EntropyRandomSource.Create());
        Metrics = new NodeMetrics();
        var tls = config.Options.Transport.Tls;
        if (tls.Enabled)
        {
            var (ca, cert, key) = tls.UsesDevelopmentCertificates
                ? DevelopmentCertificates.Ensure(config.Options.Node.DataDir, ClusterId, NodeId, time)
                : (tls.CaPath, tls.CertPath, tls.KeyPath);
            var store = new TlsCredentialStore(ca, cert, key, time, NullLogger.Instance, tls.ReloadCheckInterval);
            Tls = new RemoteTls(store, ClusterId, tls.PinnedKeys, time, _audit, Metrics);
        }

        var transport = config.Options.Transport;
        var host = transport.AdvertisedHost.Length > 0 ? transport.AdvertisedHost : transport.Host;
        if (config.Options.Discovery.PeerCache.Enabled)
        {
            PeerCache = Discovery.PeerCache.PeerCacheStore.Open(Path.Combine(config.Options.Node.DataDir, config.Options.Discovery.PeerCache.File), Loggers.CreateLogger("MeshActors.PeerCache"), time);
        }

        Shards = new global::MeshActors.Sharding.Ownership.ShardTables(config.Options.Sharding.Namespaces.Select(n => n.Namespace));
        Leaders = new Leadership.Election.MeshLeaders(NodeId, config.Options.Leadership.AllScopes);
        Events = new global::MeshActors.Events.Delivery.MeshEvents(NodeId, config.Options.Events, time, EntropyRandomSource.Create());
        Membership = new ClusterMembership(transport.Port == 0 ? string.Empty : $"{SeedNodes.Protocol(Tls is not null)}://{ClusterId}@{host}:{transport.Port}");
    }

    /// <summary>The validated configuration.</summary>
    public LoadedConfig Config { get; }

    /// <summary>This node's id (configured, or generated once and kept in the data dir).</summary>
    public string NodeId { get; }

    /// <summary>The cluster id, which is also the ActorSystem's name.</summary>
    public string ClusterId => Config.Options.Cluster.Id;

    /// <summary>The node's metrics, exported at <c>/metrics</c>.</summary>
    public NodeMetrics Metrics { get; }

    /// <summary>Mutual TLS for Akka.Remote; null with <c>tls.mode = insecure</c>.</summary>
    public RemoteTls? Tls { get; }

    /// <summary>The member list, its change stream and label updates; current once started.</summary>
    public ClusterMembership Membership { get; }

    /// <summary>How this node joined, its contact points and what they answered, and any second
    /// cluster with this id the split check found.</summary>
    public MeshActors.Bootstrap.BootstrapStatus Bootstrap { get; } = new();

    /// <summary>Where this node's bootstrap endpoint listens, once started.</summary>
    public Uri? BootstrapAddress => _bootstrap?.Address;

    /// <summary>The peers this node remembered (bootstrap endpoints that answered as members of
    /// its cluster); null when <c>meshactors.discovery.peer-cache.enabled</c> is off.</summary>
    internal Discovery.PeerCache.PeerCacheStore? PeerCache { get; }

    /// <summary>The discovery context the providers see: this node's bootstrap endpoint is its advertised address.</summary>
    internal Discovery.DiscoveryContext DiscoveryContext => new()
    {
        NodeId = NodeId,
        ClusterId = ClusterId,
        LocalAddress = new Discovery.NodeAddress(BootstrapHost, Config.Options.Bootstrap.Port),
        PublicKeyFingerprint = Tls?.Fingerprint,
        DataDir = Config.Options.Node.DataDir,
        Time = Time,
        LoggerFactory = Loggers,
    };

    /// <summary>The host other nodes reach the bootstrap endpoint by.</summary>
    internal string BootstrapHost
    {
        get
        {
            var o = Config.Options;
            return o.Bootstrap.AdvertisedHost.Length > 0 ? o.Bootstrap.AdvertisedHost
                : o.Transport.AdvertisedHost.Length > 0 ? o.Transport.AdvertisedHost : o.Transport.Host;
        }
    }

    /// <summary>The leader of each scope (<c>meshactors.leadership</c>) as this node knows it, and whether this node leads.</summary>
    public Leadership.Election.MeshLeaders Leaders { get; }

    /// <summary>This node's copy of every shard table (<c>meshactors.sharding.namespaces</c>): owner lookups, new versions, and the owners Akka.Cluster.Sharding follows.</summary>
    public global::MeshActors.Sharding.Ownership.ShardTables Shards { get; }

    /// <summary>
    /// An Akka.Cluster.Sharding allocation strategy that places the shards of <paramref name="namespaceName"/>
    /// where this node's copy of its shard table says, for <c>ClusterSharding.Start(typeName, props, settings,
    /// ShardTableMessageExtractor.Create(shardCount, …), strategy, handOffStopMessage)</c>. Owners are found by
    /// node id in the member list. Create one per node (each reads its own copy).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="namespaceName"/> is not configured.</exception>
    public global::MeshActors.Sharding.Akka.ShardTableAllocationStrategy ShardAllocationStrategy(string namespaceName, int maxSimultaneousRebalance = global::MeshActors.Sharding.Akka.ShardTableAllocationStrategy.DefaultMaxSimultaneousRebalance) =>
        new(Shards.Owners(namespaceName), AddressOfNode, maxSimultaneousRebalance);

    /// <summary>The shard-table keeper and the store the tables are kept in, once started.</summary>
    internal global::MeshActors.Sharding.Ownership.NodeSharding? ShardingRuntime { get; private set; }

    /// <summary>This node's overlay views (<c>meshactors.overlay</c>): its active and passive peers, their scores and bans.</summary>
    public global::MeshActors.Views.Overlay.MeshViews Views { get; } = new();

    /// <summary>Signed, interest-based events over the overlay (<c>meshactors.events</c>): publish,
    /// subscribe by pattern, reply with burst etiquette. Usable once the node has started.</summary>
    public global::MeshActors.Events.Delivery.MeshEvents Events { get; }

    /// <summary>The ActorSystem, once started.</summary>
    public ActorSystem? System { get; private set; }

    /// <summary>Where the control endpoint listens, once started (null when turned off).</summary>
    public Uri? ControlAddress => _control?.Address;

    internal bool NodeIdGenerated { get; }

    internal TimeProvider Time { get; }

    /// <summary>The MeshActors node of <paramref name="system"/>.</summary>
    /// <exception cref="InvalidOperationException">The ActorSystem was not set up with <c>WithMeshActors()</c>, or has not started it yet.</exception>
    public static MeshNode Get(ActorSystem system) =>
        Nodes.TryGetValue(system, out var node) ? node : throw new InvalidOperationException($"ActorSystem {system.Name} has no MeshActors node: add .WithMeshActors() to its AkkaConfigurationBuilder");

    /// <summary>Starts MeshActors' actors and the control endpoint in <paramref name="system"/>, and
    /// joins the cluster (seed nodes, or this node alone when there are none).</summary>
    internal async Task StartAsync(ActorSystem system, ILoggerFactory loggers)
    {
        if (system.Name != ClusterId)
        {
            throw new ConfigValidationException([new ConfigError("meshactors.cluster.id", Config.Layers.OriginOf("meshactors.cluster.id"),
                $"is \"{ClusterId}\" but the ActorSystem is named \"{system.Name}\"", $"name the ActorSystem after the cluster (AddAkka(\"{ClusterId}\", …)), or set meshactors.cluster.id = \"{system.Name}\"")]);
        }

        System = system;
        Nodes.AddOrUpdate(system, this);
        _audit.Attach(new LoggerAuditSink(loggers));
        Loggers.Attach(loggers);
        var log = loggers.CreateLogger("MeshActors.Node");
        foreach (var warning in Config.Warnings)
        {
            MeshLog.ConfigWarning(log, warning);
        }

        if (NodeIdGenerated)
        {
            MeshLog.NodeIdGenerated(log, NodeId, Config.Options.Node.DataDir);
        }

        var cluster = Cluster.Get(system);
        ReportSecurity(log, cluster);
        Membership.SetSelf(cluster.SelfAddress.ToString());
        var mesh = system.ActorOf(Props.Create(() => new MeshGuardian()), "mesh");
        var own = new MemberMetadata(NodeId, Config.Options.Node.Metadata.Region, Config.Options.Node.Metadata.Zone, Config.Options.Node.Metadata.Capacity, Config.Options.Node.Metadata.Labels);
        var membershipProps = Props.Create(() => new MembershipActor(Membership, own, Config.Options.Membership.MetadataWriteTimeout, Metrics, loggers.CreateLogger("MeshActors.Membership"), Time));
        Membership.Attach(await MeshGuardian.StartChildAsync(mesh, system, membershipProps, "membership").ConfigureAwait(false));
        await MeshGuardian.StartChildAsync(mesh, system, Props.Create(() => new RemotingEvents(Metrics)), "remoting-events").ConfigureAwait(false);

        var discovery = Config.Options.Discovery;
        var hasSources = discovery.Static.ContactPoints.Count > 0 || discovery.Static.FallbackSeeds.Count > 0 || discovery.AnyDynamicProvider
            || (PeerCache?.All().Count > 0) || MeshActors.Discovery.Coordination.MeshDiscovery.Get(system).Manual.Count > 0;
        var mode = MeshActors.Bootstrap.NodeBootstrap.ChooseMode(cluster.Settings.SeedNodes.Count > 0, hasSources);
        _bootstrap = await MeshActors.Bootstrap.NodeBootstrap.StartAsync(this, system, mode, PeerCache, loggers.CreateLogger("MeshActors.Bootstrap")).ConfigureAwait(false);

        var electors = await Leadership.Election.NodeLeadership.StartAsync(this, system, mesh, _audit, loggers.CreateLogger("MeshActors.Leadership")).ConfigureAwait(false);
        ShardingRuntime = await global::MeshActors.Sharding.Ownership.NodeSharding.StartAsync(this, system, mesh, _audit, loggers.CreateLogger("MeshActors.Sharding")).ConfigureAwait(false);
        var views = await global::MeshActors.Views.Overlay.NodeViews.StartAsync(this, system, mesh, _audit, loggers.CreateLogger("MeshActors.Overlay")).ConfigureAwait(false);
        await global::MeshActors.Events.Delivery.NodeEvents.StartAsync(this, system, mesh, views, _audit, loggers.CreateLogger("MeshActors.Events")).ConfigureAwait(false);
        var control = await StartControlAsync(loggers).ConfigureAwait(false);

        // Akka starts coordinated shutdown for reasons an operator must see (a SIGTERM, being
        // downed, or Akka.Remote's own reaction to a failed outbound TLS handshake); say which.
        var hadPeers = false;
        CoordinatedShutdown.Get(system).AddTask(CoordinatedShutdown.PhaseBeforeServiceUnbind, "meshactors-log-reason", () =>
        {
            hadPeers = cluster.State.Members.Any(m => m.Address != cluster.SelfAddress);
            MeshLog.ShuttingDown(log, NodeId, CoordinatedShutdown.Get(system).ShutdownReason?.ToString() ?? "unknown");
            return Task.FromResult(Akka.Done.Instance);
        });

        // Members that have not seen this node removed yet may still dial it; a dial the exiting
        // process cuts off mid-handshake makes Akka.Remote shut the dialling node down. Keep
        // remoting open a little while after leaving, so those dials complete (see reference.conf).
        CoordinatedShutdown.Get(system).AddTask(CoordinatedShutdown.PhaseBeforeActorSystemTerminate, "meshactors-linger", async () =>
        {
            if (hadPeers && Config.Options.ShutdownLinger > TimeSpan.Zero)
            {
                await Task.Delay(Config.Options.ShutdownLinger).ConfigureAwait(false);
            }

            return Akka.Done.Instance;
        });
        CoordinatedShutdown.Get(system).AddTask(CoordinatedShutdown.PhaseBeforeActorSystemTerminate, "meshactors-control-stop", async () =>
        {
            Membership.Complete(); // ends open watch streams, so Kestrel stops without waiting for them
            Leaders.Complete();
            Shards.Complete();
            Events.Complete();
            await control.DisposeAsync().ConfigureAwait(false);
            if (_bootstrap is not null)
            {
                await _bootstrap.DisposeAsync().ConfigureAwait(false);
            }

            PeerCache?.Dispose();
            await electors.DisposeAsync().ConfigureAwait(false);
            await ShardingRuntime.DisposeAsync().ConfigureAwait(false);
            MeshLog.NodeStopped(log, NodeId);
            return Akka.Done.Instance;
        });
        MeshLog.NodeStarted(log, NodeId, ClusterId);
    }

    /// <summary>Starts the control endpoint unless it runs already. A host starts it before the
    /// ActorSystem, so that a taken port stops the node before it joins anything.</summary>
    /// <exception cref="ConfigValidationException">The port cannot be bound.</exception>
    internal async Task<ControlServer> StartControlAsync(ILoggerFactory loggers)
    {
        if (_control is null)
        {
            var control = new ControlServer(this, loggers.CreateLogger<ControlServer>());
            await control.StartAsync(CancellationToken.None).ConfigureAwait(false);
            _control = control;
        }

        return _control;
    }

    private Address? AddressOfNode(string nodeId) =>
        Membership.Snapshot.Members.FirstOrDefault(m => m.NodeId == nodeId)?.Address is { Length: > 0 } address ? Address.Parse(address) : null;

    private void ReportSecurity(ILogger log, Cluster cluster)
    {
        var tls = Config.Options.Transport.Tls;
        if (!tls.Enabled)
        {
            MeshLog.TransportInsecure(log);
        }
        else if (tls.UsesDevelopmentCertificates)
        {
            MeshLog.DevelopmentCertificates(log, Path.Combine(Config.Options.Node.DataDir, DevelopmentCertificates.FolderName));
        }

        MeshLog.RemotingListening(log, cluster.SelfAddress.ToString(), Tls is null ? "insecure: no TLS" : $"mutual TLS, key {Tls.Fingerprint}");
    }
}
