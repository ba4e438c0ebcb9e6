namespace MeshActors.Configuration;

/// <summary>One profile of <c>meshactors.membership.profiles</c>: Akka.Cluster's failure detector,
/// gossip and split-brain resolver timings. Each knob is explained in <c>reference.conf</c>.</summary>
public sealed record MembershipProfile
{
    /// <summary>The profile's name (<c>local</c>, <c>lan</c>, <c>wan</c>).</summary>
    public required string Name { get; init; }

    /// <summary><c>akka.cluster.failure-detector.heartbeat-interval</c>.</summary>
    public required TimeSpan HeartbeatInterval { get; init; }

    /// <summary><c>akka.cluster.failure-detector.acceptable-heartbeat-pause</c>.</summary>
    public required TimeSpan AcceptableHeartbeatPause { get; init; }

    /// <summary><c>akka.cluster.failure-detector.monitored-by-nr-of-members</c>.</summary>
    public required int MonitoredByNrOfMembers { get; init; }

    /// <summary><c>akka.cluster.failure-detector.threshold</c>.</summary>
    public required double Threshold { get; init; }

    /// <summary><c>akka.cluster.gossip-interval</c>.</summary>
    public required TimeSpan GossipInterval { get; init; }

    /// <summary><c>akka.cluster.leader-actions-interval</c>.</summary>
    public required TimeSpan LeaderActionsInterval { get; init; }

    /// <summary><c>akka.cluster.unreachable-nodes-reaper-interval</c>.</summary>
    public required TimeSpan UnreachableNodesReaperInterval { get; init; }

    /// <summary><c>akka.cluster.split-brain-resolver.stable-after</c> (keep-majority).</summary>
    public required TimeSpan StableAfter { get; init; }

    /// <summary><c>akka.cluster.split-brain-resolver.down-all-when-unstable</c>.</summary>
    public required TimeSpan DownAllWhenUnstable { get; init; }
}
