using MeshActors.Actors;
using MeshActors.Configuration;
using MeshActors.Diagnostics;
using MeshActors.Discovery;
using MeshActors.Membership;
using MeshActors.Transport;
using MeshActors.Transport.Http2;
using MeshActors.Transport.Wire;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MeshActors.Hosting;

/// <summary>
/// One MeshActors node inside a .NET host: its identity, its actor system and its root actor.
/// Started and stopped by the host; embedders resolve it from the service provider.
/// </summary>
public sealed class MeshNode : IHostedService
{
    private readonly ILogger<MeshNode> _log;
    private readonly ILoggerFactory _loggerFactory;
    private readonly TimeProvider _time;
    private readonly IAuditSink _audit;
    private IActorRef<NodeActor.Protocol.Message>? _root;

    /// <summary>Creates the node from validated configuration.</summary>
    public MeshNode(LoadedConfig config, ILoggerFactory loggerFactory, TimeProvider time, IAuditSink audit)
    {
        Config = config;
        _audit = audit;
        _loggerFactory = loggerFactory;
        _time = time;
        _log = loggerFactory.CreateLogger<MeshNode>();
        Random = EntropyRandomSource.Create();
        (NodeId, var generated) = NodeIdentityStore.LoadOrCreate(config.Options.Node, Random);
        if (generated)
        {
            MeshLog.NodeIdGenerated(_log, NodeId, Path.GetFullPath(config.Options.Node.DataDir));
        }
    }

    /// <summary>The validated configuration this node runs with.</summary>
    public LoadedConfig Config { get; }

    /// <summary>This node's id.</summary>
    public string NodeId { get; }

    /// <summary>The cluster id.</summary>
    public string ClusterId => Config.Options.Cluster.Id;

    /// <summary>The node's actor system; available once started.</summary>
    public ActorSystem System { get; private set; } = null!;

    /// <summary>The mesh transport; available once started.</summary>
    public Http2Transport? Transport { get; private set; }

    /// <summary>Whether the node has started and not begun stopping.</summary>
    public bool IsRunning { get; private set; }

    internal IRandomSource Random { get; }

    /// <summary>The cluster as this node sees it; available once started.</summary>
    public ClusterMembership Membership { get; private set; } = null!;

    /// <summary>Discovery health, the bootstrap's reasons and manual introductions; available once started.</summary>
    public ClusterDiscovery Discovery { get; private set; } = null!;

    /// <summary>Routes membership messages to the membership actor, and answers probes (used by
    /// tests, benchmarks and reachability checks). Messages that arrive before membership has
    /// started are dropped; the protocol retries whatever it sends.</summary>
    private void OnInbound(InboundMessage message)
    {
        if (ClusterMembership.Handles(message.Message))
        {
            Membership?.Deliver(message);
        }
        else if (message is { Message: Probe probe, Reply: { } reply })
        {
            reply(new ProbeReply { Sequence = probe.Sequence });
        }
    }

    /// <summary>Starts the actor system, the root actor and the mesh transport.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var warning in Config.Warnings)
        {
            MeshLog.ConfigWarning(_log, warning);
        }

        System = new ActorSystem(NodeId, new ActorSystemSettings
        {
            Time = _time,
            Random = Random,
            LoggerFactory = _loggerFactory,
            Throughput = Config.Options.Actors.Throughput,
        });
        _root = System.Spawn<NodeActor.Protocol.Message>("node", () => new NodeActor(NodeId, ClusterId), Config.Options.Actors.Supervision);
        Transport = MeshTransportFactory.Create(Config.Options, NodeId, _time, Random, _loggerFactory, _audit);
        try
        {
            await Transport.StartAsync(OnInbound, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            var t = Config.Options.Transport;
            throw new ConfigValidationException([new ConfigError("meshactors.transport.port", null, $"cannot listen on {t.Host}:{t.Port}: {ex.Message}", "choose a free port, or 0 to pick one")]);
        }

        var metadata = Config.Options.Node.Metadata;
        Membership = ClusterMembership.Start(System, new MembershipActorOptions
        {
            NodeId = NodeId,
            Transport = Transport,
            Settings = Config.Options.Membership.Settings,
            AwaitBootstrap = true,
            OnUp = () => Discovery?.NotifyUp(),
            Metadata = new MemberMetadata(metadata.Role, ClusterId, metadata.Region, metadata.Zone, ProtocolRange.Supported.Max, metadata.Capacity,
                global::System.Collections.Immutable.ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, metadata.Labels)),
        }, Config.Options.Actors.Supervision);
        var transport = Transport;
        Discovery = ClusterDiscovery.Start(System, new DiscoveryStart
        {
            Options = Config.Options.Discovery,
            Context = new DiscoveryContext
            {
                NodeId = NodeId,
                ClusterId = ClusterId,
                LocalAddress = Transport.LocalAddress,
                PublicKeyFingerprint = Transport.LocalKeyFingerprint,
                DataDir = Config.Options.Node.DataDir,
                Time = _time,
                Random = Random.Split(),
                LoggerFactory = _loggerFactory,
            },
            Transport = Transport,
            Membership = Membership,
            PinKey = transport.PinKey,
        });
        IsRunning = true;
        MeshLog.NodeStarted(_log, NodeId, ClusterId);
    }

    /// <summary>Asks the root actor for the node's status; proves the actors are responsive.</summary>
    public Task<NodeStatus> GetStatusAsync(TimeSpan timeout) =>
        (_root ?? throw new InvalidOperationException("The node has not started.")).Ask((IActorRef<NodeStatus> r) => new NodeActor.Protocol.GetStatus(r), timeout);

    /// <summary>Stops the transport, then every actor, children first.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        IsRunning = false;
        if (Membership is not null)
        {
            try
            {
                await Membership.LeaveAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
            {
                // The node stops anyway; the others will detect it as failed.
            }
        }

        if (Discovery is not null)
        {
            await Discovery.StopAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        if (Transport is not null)
        {
            await Transport.DisposeAsync().ConfigureAwait(false);
        }

        if (System is not null)
        {
            await System.StopAllAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        MeshLog.NodeStopped(_log, NodeId);
    }
}
