namespace MeshActors.Membership;

/// <summary>What happened to a member, mapped from Akka.Cluster's events.</summary>
public enum MemberEventKind
{
    /// <summary>Akka's MemberJoined: the member asked to join.</summary>
    Joined,

    /// <summary>Akka's MemberUp or MemberWeaklyUp.</summary>
    Up,

    /// <summary>Akka's UnreachableMember.</summary>
    Unreachable,

    /// <summary>Akka's ReachableMember.</summary>
    Reachable,

    /// <summary>Akka's MemberLeft: it is leaving gracefully.</summary>
    Leaving,

    /// <summary>Akka's MemberExited.</summary>
    Exited,

    /// <summary>Akka's MemberDowned: the split-brain resolver or an operator downed it.</summary>
    Downed,

    /// <summary>Akka's MemberRemoved.</summary>
    Removed,

    /// <summary>Its replicated metadata (labels, region, zone, capacity) changed.</summary>
    MetadataChanged,
}
