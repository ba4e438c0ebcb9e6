using System.Collections.Concurrent;
using Akka.Actor;
using Akka.Configuration;
using Akka.Hosting;
using Akka.Remote.Hosting;
using MeshActors.Events.Delivery;
using MeshActors.Hosting;
using MeshActors.Randomness;
using MeshActors.Security;
using MeshActors.Tests.Hosting;
using MeshActors.Views.Overlay;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MeshActors.Tests.Events.Delivery;

/// <summary>
/// Event routers in separate ActorSystems in one process, talking over real Akka.Remote on loopback
/// with the <c>mesh-events</c> serializer, linked by hand with <see cref="OverlayLinkUp"/> as the view
/// manager would. Each router lives at <c>/user/mesh/events</c>; a collector actor per system stands
/// in for the view manager and for actor subscribers. With a folder for certificates, Akka.Remote
/// runs mutual TLS (<see cref="RemoteTls"/>, one test CA) and routers sign with the node certificates.
/// </summary>
internal sealed class LinkedRouters : IAsyncDisposable
{
    public const string Cluster = "events-mesh";

    private LinkedRouters(List<Node> nodes) => Nodes = nodes;

    public IReadOnlyList<Node> Nodes { get; }

    public static async Task<LinkedRouters> StartAsync(int count, EventsOptions? options = null, string? tlsDir = null)
    {
        var nodes = new List<Node>();
        using var ca = tlsDir is null ? null : CertificateAuthority.Create(EmbeddedNode.Cluster, TimeProvider.System, TimeSpan.FromDays(1));
        for (var i = 0; i < count; i++)
        {
            var id = "n" + i;
            var (system, host, identity) = ca is null ? (Plain(), null, EventSigningIdentity.Ephemeral(Cluster, id, TimeProvider.System)) : await TlsAsync(ca, tlsDir!, id);
            var views = system.ActorOf(Props.Create(() => new Collector()), "views");
            var metrics = new EventMetrics(Prometheus.Metrics.NewCustomRegistry());
            var settings = new EventRouter.Settings(id, options ?? new EventsOptions(), identity, views, metrics, new RouterRig.RecordingAudit(), NullLogger.Instance, TimeProvider.System);
            var mesh = system.ActorOf(Props.Create(() => new MeshGuardian()), "mesh");
            var router = await MeshGuardian.StartChildAsync(mesh, system, Props.Create(() => new EventRouter(settings)), "events");
            var events = new MeshEvents(id, settings.Options, TimeProvider.System, new SeededRandomSource((ulong)i + 1));
            events.Attach(router, metrics);
            var peer = new OverlayPeer(id, ((ExtendedActorSystem)system).Provider.DefaultAddress.ToString());
            nodes.Add(new Node(id, system, router, events, metrics, identity, views, peer, (RouterRig.RecordingAudit)settings.Audit, host));
        }

        return new LinkedRouters(nodes);
    }

    private const string Serializer = """
        akka.actor.serializers.mesh-events = "MeshActors.Events.Delivery.EventWireSerializer, MeshActors"
        akka.actor.serialization-bindings."MeshActors.Events.Delivery.IEventWire, MeshActors" = mesh-events
        """;

    private static ActorSystem Plain() => ActorSystem.Create(Cluster, ConfigurationFactory.ParseString("""
        akka.actor.provider = remote
        akka.remote.dot-netty.tcp { hostname = "127.0.0.1", port = 0 }
        akka.loglevel = WARNING
        """ + "\n" + Serializer));

    /// <summary>An ActorSystem with Akka.Remote over mutual TLS, validated as a node validates (<see cref="RemoteTls"/>).</summary>
    private static async Task<(ActorSystem, IHost, EventSigningIdentity)> TlsAsync(CertificateAuthority ca, string dir, string id)
    {
        EmbeddedNode.TlsHocon(ca, dir, id);
        var folder = Path.Combine(dir, id);
        var store = new TlsCredentialStore(Path.Combine(folder, "ca.crt"), Path.Combine(folder, "node.crt"), Path.Combine(folder, "node.key"), TimeProvider.System, NullLogger.Instance);
        var tls = new RemoteTls(store, EmbeddedNode.Cluster, new Dictionary<string, string>(), TimeProvider.System, new MeshActors.Diagnostics.DeferredAuditSink(), new MeshActors.Diagnostics.NodeMetrics());
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.Services.AddAkka(EmbeddedNode.Cluster, akka =>
        {
            akka.AddHocon(ConfigurationFactory.ParseString("akka.actor.provider = remote\nakka.loglevel = WARNING\n" + Serializer), HoconAddMode.Prepend);
            akka.WithRemoting(new RemoteOptions { HostName = "127.0.0.1", Port = EmbeddedNode.FreePort(), EnableSsl = true, Ssl = tls.ToSslOptions() });
        });
        var host = builder.Build();
        await host.StartAsync();
        return (host.Services.GetRequiredService<ActorSystem>(), host, EventSigningIdentity.FromTls(tls));
    }

    /// <summary>Links <paramref name="a"/> and <paramref name="b"/> both ways.</summary>
    public void Link(int a, int b)
    {
        Nodes[a].Router.Tell(new OverlayLinkUp(Nodes[b].Peer));
        Nodes[b].Router.Tell(new OverlayLinkUp(Nodes[a].Peer));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in Nodes.Reverse())
        {
            if (node.Host is { } host)
            {
                await host.StopAsync();
                host.Dispose();
            }
            else
            {
                await node.System.Terminate();
            }
        }
    }

    internal sealed record Node(string Id, ActorSystem System, IActorRef Router, MeshEvents Events, EventMetrics Metrics, EventSigningIdentity Identity, IActorRef Views, OverlayPeer Peer, RouterRig.RecordingAudit Audit, IHost? Host)
    {
        /// <summary>A collector actor in this node's system, subscribed to <paramref name="pattern"/>.</summary>
        public Collector.Box Subscribe(string pattern)
        {
            var box = new Collector.Box();
            var actor = System.ActorOf(Props.Create(() => new Collector(box)));
            Events.Subscribe(pattern, actor);
            return box;
        }

        public Collector.Box ViewsBox => Collector.Boxes[Views];
    }

    /// <summary>Keeps every message it receives, for the test to read.</summary>
    internal sealed class Collector : ReceiveActor
    {
        public static readonly ConcurrentDictionary<IActorRef, Box> Boxes = new();

        public Collector()
            : this(new Box())
        {
        }

        public Collector(Box box)
        {
            Boxes[Self] = box;
            ReceiveAny(box.Messages.Enqueue);
        }

        public sealed class Box
        {
            public ConcurrentQueue<object> Messages { get; } = new();

            public IReadOnlyList<T> Of<T>() => Messages.OfType<T>().ToList();
        }
    }
}
