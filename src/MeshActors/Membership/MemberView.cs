namespace MeshActors.Membership;

/// <summary>One member as this node sees it: Akka's view plus the replicated metadata.</summary>
/// <param name="NodeId">The MeshActors node id, from the metadata; empty until it has arrived.</param>
/// <param name="Address">The member's Akka address, e.g. <c>akka.tcp://payments@10.0.0.1:7946</c>.</param>
/// <param name="Status">Akka's member status in lower case: joining, weaklyup, up, leaving, exiting, down, removed.</param>
/// <param name="Reachable">False while this node's failure detector (or gossip) marks it unreachable.</param>
/// <param name="Roles">Akka.Cluster roles.</param>
/// <param name="AppVersion">Akka.Cluster app version.</param>
/// <param name="Metadata">Region, zone, capacity and labels; null until replicated to this node.</param>
public sealed record MemberView(string NodeId, string Address, string Status, bool Reachable, IReadOnlyList<string> Roles, string AppVersion, MemberMetadata? Metadata);
