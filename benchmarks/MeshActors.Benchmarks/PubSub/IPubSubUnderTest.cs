namespace MeshActors.Benchmarks.PubSub;

/// <summary>
/// A publish/subscribe system <c>pubsub-compare</c> measures: it starts its own N nodes in this
/// process (so it chooses their transport and binds <see cref="CountingSerializer"/>s to its wire
/// messages), subscribes and publishes raw bytes, and says which counted message types are its own
/// background protocol and which are the cluster membership's. <see cref="PubSubRun"/> does the
/// rest the same way for every system. Listed by name in <see cref="PubSubSystems"/>.
/// </summary>
internal interface IPubSubUnderTest : IAsyncDisposable
{
    /// <summary>Its name in the JSON, e.g. <c>akka-dps</c>.</summary>
    string Name { get; }

    /// <summary>The transport its nodes talk over, as the JSON reports it.</summary>
    string Transport { get; }

    /// <summary>Starts <paramref name="nodes"/> nodes on loopback and returns once they form one cluster.</summary>
    Task StartAsync(int nodes, CancellationToken cancellationToken);

    /// <summary>Subscribes node <paramref name="node"/> (0-based) to <paramref name="topic"/>; returns once the subscription is in place locally.</summary>
    Task SubscribeAsync(int node, string topic, Action<ReadOnlyMemory<byte>> onMessage, CancellationToken cancellationToken);

    /// <summary>Publishes <paramref name="payload"/> on <paramref name="topic"/> from node <paramref name="node"/>.</summary>
    void Publish(int node, string topic, ReadOnlyMemory<byte> payload);

    /// <summary>What a counted message type that carried no payload is: a control message of the system's publishes, its own background protocol, cluster membership, or neither.</summary>
    MessageRole Classify(string typeName);

    /// <summary>The ActorSystem of node <paramref name="node"/>: payload copies a node deserializes are counted per ActorSystem.</summary>
    Akka.Actor.ActorSystem SystemOf(int node);

    /// <summary>The active degree over the nodes (min, mean, max) when the system runs over an overlay, read when the measured interval ends; null otherwise.</summary>
    ActiveDegree? ActiveDegree();

    /// <summary>Events node <paramref name="node"/> has handed to local subscribers so far, by the system's own count; null when the system keeps no such count.</summary>
    long? DeliveredAt(int node);
}
