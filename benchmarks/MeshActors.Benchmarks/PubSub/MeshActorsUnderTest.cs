extern alias mesh;

using System.Net;
using System.Net.Sockets;
using Akka.Actor;
using Akka.Cluster;
using Akka.Configuration;
using Akka.Hosting;
using mesh::MeshActors.Events.Delivery;
using mesh::MeshActors.Hosting;
using mesh::MeshActors.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MeshActors.Benchmarks.PubSub;

/// <summary>
/// MeshActors' event plane (<c>MeshNode.Get(system).Events</c>): N application hosts in this
/// process, each Akka.Hosting with <c>WithMeshActors()</c>, one cluster seeded by node 0, Akka.Remote
/// with mutual TLS (node certificates from a throw-away test CA, as the tests' embedded nodes do),
/// control and bootstrap endpoints on port 0, data directories in a temporary folder deleted at the
/// end. Overlay and event settings are the defaults (<c>hocon/reference.conf</c>). Before measuring
/// it waits until every node has at least min(4, N − 1) active neighbours and no active view has
/// changed for 2 s. The event wire, the overlay wire and Akka.Cluster's messages are bound to
/// <see cref="CountingSerializer"/>s that wrap MeshActors' and Akka's serializers.
/// </summary>
internal sealed class MeshActorsUnderTest : IPubSubUnderTest
{
    private const string ClusterId = "pubsub-bench";

    private const string Counting = """
        akka {
          loglevel = OFF
          stdout-loglevel = OFF
          log-dead-letters = off
          actor {
            serializers {
              counting-events = "MeshActors.Benchmarks.PubSub.CountingEventWireSerializer, MeshActors.Benchmarks"
              counting-overlay = "MeshActors.Benchmarks.PubSub.CountingOverlaySerializer, MeshActors.Benchmarks"
              counting-cluster = "MeshActors.Benchmarks.PubSub.CountingClusterSerializer, MeshActors.Benchmarks"
            }
            serialization-bindings {
              "MeshActors.Events.Delivery.IEventWire, MeshActors" = counting-events
              "MeshActors.Views.Wire.IOverlayWire, MeshActors" = counting-overlay
              "Akka.Cluster.IClusterMessage, Akka.Cluster" = counting-cluster
            }
          }
        }
        """;

    private static readonly TimeSpan StableFor = TimeSpan.FromSeconds(2);

    private readonly List<IHost> _hosts = [];
    private readonly List<ActorSystem> _systems = [];
    private readonly List<EventMetrics> _metrics = [];
    private readonly CancellationTokenSource _subscriptions = new();
    private readonly string _dir = Directory.CreateTempSubdirectory("meshactors-pubsub-").FullName;

    /// <inheritdoc />
    public string Name => "meshactors";

    /// <inheritdoc />
    public string Transport => "akka.ssl.tcp (DotNetty, mutual TLS, test CA), loopback";

    /// <inheritdoc />
    public async Task StartAsync(int nodes, CancellationToken cancellationToken)
    {
        using var ca = CertificateAuthority.Create(ClusterId, TimeProvider.System, TimeSpan.FromDays(1));
        var ports = Enumerable.Range(0, nodes).Select(_ => FreePort()).ToArray();
        for (var i = 0; i < nodes; i++)
        {
            var host = await StartHostAsync($"bench-{i}", ports[i], ports[0], ca, cancellationToken);
            _hosts.Add(host);
            var system = host.Services.GetRequiredService<ActorSystem>();
            _systems.Add(system);
            _metrics.Add(new EventMetrics(MeshNode.Get(system).Metrics.Registry));
        }

        await PubSubRun.UntilAsync("every node sees all nodes up", () => _systems.All(s => Cluster.Get(s).State.Members.Count(m => m.Status == MemberStatus.Up) == nodes), cancellationToken);
        var low = Math.Min(4, nodes - 1);
        string? last = null;
        var since = System.Diagnostics.Stopwatch.StartNew();
        await PubSubRun.UntilAsync($"every node has at least {low} active neighbours and no active view changed for {StableFor.TotalSeconds} s", () =>
        {
            var views = _systems.Select(s => MeshNode.Get(s).Views.Current).ToArray();
            if (views.Any(v => v is null || v.Active.Count < low))
            {
                (last, since) = (null, System.Diagnostics.Stopwatch.StartNew());
                return false;
            }

            var now = string.Join(";", views.Select(v => string.Join(",", v!.Active.Select(p => p.NodeId).Order(StringComparer.Ordinal))));
            if (now != last)
            {
                (last, since) = (now, System.Diagnostics.Stopwatch.StartNew());
            }

            return since.Elapsed >= StableFor;
        }, cancellationToken);
        var degree = ActiveDegree();
        PubSubRun.Progress(this, $"active views settled: degree min {degree.Min}, mean {degree.Mean:0.0}, max {degree.Max}");
    }

    /// <inheritdoc />
    public Task SubscribeAsync(int node, string topic, Action<ReadOnlyMemory<byte>> onMessage, CancellationToken cancellationToken)
    {
        // Subscribe registers the subscription before it returns; the reader runs until disposal.
        var events = MeshNode.Get(_systems[node]).Events.Subscribe(topic, _subscriptions.Token);
        _ = Task.Run(async () =>
        {
            try
            {
                await foreach (var received in events)
                {
                    onMessage(received.Payload);
                }
            }
            catch (OperationCanceledException)
            {
                // the run is over: DisposeAsync cancelled the subscriptions
            }
        }, CancellationToken.None);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public void Publish(int node, string topic, ReadOnlyMemory<byte> payload) =>
        MeshNode.Get(_systems[node]).Events.Publish(topic, payload);

    /// <inheritdoc />
    public MessageRole Classify(string typeName) =>
        typeName.StartsWith("MeshActors.Events.Delivery.", StringComparison.Ordinal) ? MessageRole.Control
        : typeName.StartsWith("MeshActors.Views.", StringComparison.Ordinal) ? MessageRole.Background
        : typeName.StartsWith("Akka.Cluster.", StringComparison.Ordinal) ? MessageRole.Membership
        : MessageRole.Other;

    /// <inheritdoc />
    public ActorSystem SystemOf(int node) => _systems[node];

    /// <inheritdoc />
    public ActiveDegree ActiveDegree()
    {
        var degrees = _systems.Select(s => MeshNode.Get(s).Views.Current?.Active.Count ?? 0).ToArray();
        return new ActiveDegree(degrees.Min(), Math.Round(degrees.Average(), 3), degrees.Max());
    }

    /// <inheritdoc />
    /// <remarks><c>meshactors_events_delivered_total</c>: admitted events handed to local subscribers.</remarks>
    public long? DeliveredAt(int node) => (long)_metrics[node].Delivered.Value;

    /// <inheritdoc />
    /// <remarks>The figures are taken by then: a host that does not stop in time is left to the
    /// process's exit rather than failing the run.</remarks>
    public async ValueTask DisposeAsync()
    {
        await _subscriptions.CancelAsync();
        await Task.WhenAll(_hosts.Select(StopAsync));
        _hosts.Clear();
        _systems.Clear();
        _subscriptions.Dispose();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // a file still held open: the temporary folder is left for the OS to clean
        }
    }

    private static async Task StopAsync(IHost host)
    {
        try
        {
            await host.StopAsync().WaitAsync(TimeSpan.FromSeconds(20));
        }
        catch (TimeoutException)
        {
            // see DisposeAsync
        }
        finally
        {
            host.Dispose();
        }
    }

    private async Task<IHost> StartHostAsync(string nodeId, int port, int seedPort, CertificateAuthority ca, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_dir, nodeId)).FullName;
        using (var cert = NodeCertificateIssuer.Issue(ca, ClusterId, nodeId, TimeProvider.System, TimeSpan.FromHours(12), ipAddresses: [IPAddress.Loopback]))
        {
            NodeCertificateIssuer.SaveNode(cert, folder);
        }

        await File.WriteAllTextAsync(Path.Combine(folder, "ca.crt"), ca.Certificate.ExportCertificatePem(), cancellationToken);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.Services.AddAkka(ClusterId, akka =>
        {
            akka.AddHocon(ConfigurationFactory.ParseString($$"""
                meshactors {
                  node { id = {{nodeId}}, data-dir = "{{Path.Combine(folder, "data")}}" }
                  cluster.id = {{ClusterId}}
                  transport.host = 127.0.0.1
                  transport.port = {{port}}
                  transport.tls { ca = "{{folder}}/ca.crt", cert = "{{folder}}/node.crt", key = "{{folder}}/node.key" }
                  control.port = 0
                  bootstrap.port = 0
                  discovery.static.seeds = ["127.0.0.1:{{seedPort}}"]
                }
                {{Counting}}
                """), HoconAddMode.Append);
            akka.WithMeshActors(setup => setup.Environment = new Dictionary<string, string>());
        });
        var host = builder.Build();
        await host.StartAsync(cancellationToken);
        return host;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
