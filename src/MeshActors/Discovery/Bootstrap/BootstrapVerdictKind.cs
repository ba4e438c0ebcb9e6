namespace MeshActors.Discovery.Bootstrap;

/// <summary>What the join decision says to do now.</summary>
public enum BootstrapVerdictKind
{
    /// <summary>Keep probing: not enough is known yet.</summary>
    Wait,

    /// <summary>Join an existing cluster through the verdict's seeds.</summary>
    Join,

    /// <summary>Form a new cluster of this node; the others will join it.</summary>
    Form,
}
