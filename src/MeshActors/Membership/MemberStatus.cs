namespace MeshActors.Membership;

/// <summary>What the cluster believes about a member.</summary>
public enum MemberStatus
{
    /// <summary>Answering probes.</summary>
    Alive,

    /// <summary>Missed a probe; dead unless it refutes within the suspicion timeout.</summary>
    Suspect,

    /// <summary>Declared failed; kept as a tombstone until the GC window ends.</summary>
    Dead,

    /// <summary>Left gracefully; kept as a tombstone until the GC window ends.</summary>
    Left,
}
