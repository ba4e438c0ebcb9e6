namespace MeshActors.Membership;

/// <summary>What happened to a member.</summary>
public enum MemberEventKind
{
    /// <summary>A member this node did not know, or had seen dead or leave, is now alive.</summary>
    Joined,

    /// <summary>This node itself has joined the cluster (or runs as a single-node cluster).</summary>
    Up,

    /// <summary>A member missed its probes and is suspected; it is dead unless it refutes in time.</summary>
    Suspect,

    /// <summary>A suspected member refuted the suspicion and is alive again.</summary>
    Alive,

    /// <summary>A member was declared failed.</summary>
    Dead,

    /// <summary>A member left gracefully.</summary>
    Left,

    /// <summary>A live member announced new metadata or a new address.</summary>
    MetadataChanged,

    /// <summary>A dead or left member's tombstone was removed after the GC window.</summary>
    Removed,
}
