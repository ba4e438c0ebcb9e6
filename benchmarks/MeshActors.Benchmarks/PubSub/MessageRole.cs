namespace MeshActors.Benchmarks.PubSub;

/// <summary>What a message counted during a run was for.</summary>
internal enum MessageRole
{
    /// <summary>It carried a publish's payload (decided by <see cref="CountingSerializer"/>, not by type).</summary>
    Payload,

    /// <summary>The pub/sub system's own background protocol (DistributedPubSub: Status and Delta gossip).</summary>
    Background,

    /// <summary>Cluster membership (Akka.Cluster gossip and heartbeats): context, not the system's cost.</summary>
    Membership,

    /// <summary>Anything else counted.</summary>
    Other,
}
