using Akka.Actor;
using Akka.Cluster.Serialization;
using Akka.Cluster.Tools.PublishSubscribe.Serialization;

namespace MeshActors.Benchmarks.PubSub;

/// <summary>DistributedPubSub's own messages (Status, Delta, and the Send/Publish envelopes when they cross the wire), counted.</summary>
internal sealed class CountingPubSubSerializer(ExtendedActorSystem system)
    : CountingSerializer(system, new DistributedPubSubMessageSerializer(system), isPayload: false)
{
    /// <inheritdoc />
    public override int Identifier => 7402;
}

/// <summary>Akka.Cluster's own messages (gossip, gossip status, heartbeats), counted as context.</summary>
internal sealed class CountingClusterSerializer(ExtendedActorSystem system)
    : CountingSerializer(system, new ClusterMessageSerializer(system), isPayload: false)
{
    /// <inheritdoc />
    public override int Identifier => 7403;
}

/// <summary>The benchmark's payload message, counted.</summary>
internal sealed class CountingPayloadSerializer(ExtendedActorSystem system)
    : CountingSerializer(system, new PayloadSerializer(system), isPayload: true)
{
    /// <inheritdoc />
    public override int Identifier => 7401;
}
