using Akka.Actor;
using Akka.Cluster;
using Akka.Cluster.Tools.PublishSubscribe;
using Akka.Configuration;

namespace MeshActors.Benchmarks.PubSub;

/// <summary>
/// Akka's DistributedPubSub (Akka.Cluster.Tools) with its default settings: N ActorSystems in this
/// process, Akka.Remote over plain TCP on loopback (no TLS: the comparison is about messages and
/// bytes, not about the channel), Akka.Cluster with its defaults, one mediator on every node
/// (started by <c>akka.extensions</c>).
/// DistributedPubSub's messages, Akka.Cluster's and the payload are bound to
/// <see cref="CountingSerializer"/>s that wrap the serializers Akka would have used.
/// </summary>
internal sealed class DistributedPubSubUnderTest : IPubSubUnderTest
{
    private const string SystemName = "pubsub";

    private const string Hocon = """
        akka {
          loglevel = OFF
          stdout-loglevel = OFF
          log-dead-letters = off
          # A mediator on every node from the start, as Akka's documentation recommends (and as an
          # event plane runs on every node): else only nodes that touch DistributedPubSub gossip.
          extensions = ["Akka.Cluster.Tools.PublishSubscribe.DistributedPubSubExtensionProvider, Akka.Cluster.Tools"]
          actor {
            provider = cluster
            serializers {
              counting-payload = "MeshActors.Benchmarks.PubSub.CountingPayloadSerializer, MeshActors.Benchmarks"
              counting-pubsub = "MeshActors.Benchmarks.PubSub.CountingPubSubSerializer, MeshActors.Benchmarks"
              counting-cluster = "MeshActors.Benchmarks.PubSub.CountingClusterSerializer, MeshActors.Benchmarks"
            }
            serialization-bindings {
              "MeshActors.Benchmarks.PubSub.PayloadMessage, MeshActors.Benchmarks" = counting-payload
              "Akka.Cluster.Tools.PublishSubscribe.IDistributedPubSubMessage, Akka.Cluster.Tools" = counting-pubsub
              "Akka.Cluster.Tools.PublishSubscribe.Internal.SendToOneSubscriber, Akka.Cluster.Tools" = counting-pubsub
              "Akka.Cluster.IClusterMessage, Akka.Cluster" = counting-cluster
            }
          }
          remote.dot-netty.tcp { hostname = 127.0.0.1, port = 0 }
        }
        """;

    private readonly List<ActorSystem> _systems = [];

    /// <inheritdoc />
    public string Name => "akka-dps";

    /// <inheritdoc />
    public string Transport => "akka.tcp (DotNetty, no TLS), loopback";

    /// <inheritdoc />
    public async Task StartAsync(int nodes, CancellationToken cancellationToken)
    {
        var config = ConfigurationFactory.ParseString(Hocon);
        for (var i = 0; i < nodes; i++)
        {
            _systems.Add(ActorSystem.Create(SystemName, config));
        }

        var seed = Cluster.Get(_systems[0]).SelfAddress;
        foreach (var system in _systems)
        {
            Cluster.Get(system).Join(seed);
        }

        await PubSubRun.UntilAsync("every node sees all nodes up", () => _systems.All(s => Cluster.Get(s).State.Members.Count(m => m.Status == MemberStatus.Up) == nodes), cancellationToken);
    }

    /// <inheritdoc />
    public async Task SubscribeAsync(int node, string topic, Action<ReadOnlyMemory<byte>> onMessage, CancellationToken cancellationToken)
    {
        var system = _systems[node];
        var subscriber = system.ActorOf(Props.Create(() => new Subscriber(onMessage)));
        await DistributedPubSub.Get(system).Mediator.Ask<SubscribeAck>(new Subscribe(topic, subscriber), TimeSpan.FromSeconds(10), cancellationToken);
    }

    /// <inheritdoc />
    public void Publish(int node, string topic, ReadOnlyMemory<byte> payload) =>
        DistributedPubSub.Get(_systems[node]).Mediator.Tell(new Publish(topic, new PayloadMessage(payload.ToArray())));

    /// <inheritdoc />
    public MessageRole Classify(string typeName) =>
        typeName.StartsWith("Akka.Cluster.Tools.PublishSubscribe.", StringComparison.Ordinal) ? MessageRole.Background
        : typeName.StartsWith("Akka.Cluster.", StringComparison.Ordinal) ? MessageRole.Membership
        : MessageRole.Other;

    /// <inheritdoc />
    public ActorSystem SystemOf(int node) => _systems[node];

    /// <inheritdoc />
    /// <remarks>DistributedPubSub sends straight to the nodes with subscribers: no overlay.</remarks>
    public ActiveDegree? ActiveDegree() => null;

    /// <inheritdoc />
    /// <remarks>DistributedPubSub keeps no count; it only sends to nodes whose topic actor has a subscriber.</remarks>
    public long? DeliveredAt(int node) => null;

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(_systems.Select(s => s.Terminate().WaitAsync(TimeSpan.FromSeconds(10))));
        _systems.Clear();
    }

    /// <summary>Hands each payload it receives to the run's callback.</summary>
    private sealed class Subscriber : ReceiveActor
    {
        public Subscriber(Action<ReadOnlyMemory<byte>> onMessage) => Receive<PayloadMessage>(message => onMessage(message.Bytes));
    }
}
