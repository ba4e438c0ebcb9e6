namespace MeshActors.Benchmarks.PubSub;

/// <summary>What a message counted during a run was for.</summary>
internal enum MessageRole
{
    /// <summary>It carried a publish's payload (decided by <see cref="CountingSerializer"/>, not by type).</summary>
    Payload,

    /// <summary>Control messages the system sends because of publishes, without the payload (MeshActors: Plumtree's IHAVE, GRAFT, PRUNE and the certificate exchange; DistributedPubSub has none).</summary>
    Control,

    /// <summary>The pub/sub system's own background protocol, sent whether or not anything is published (DistributedPubSub: Status and Delta gossip; MeshActors: the overlay's pings, shuffles, joins and peer exchange).</summary>
    Background,

    /// <summary>Cluster membership (Akka.Cluster gossip and heartbeats): context, not the system's cost.</summary>
    Membership,

    /// <summary>Anything else counted.</summary>
    Other,
}
