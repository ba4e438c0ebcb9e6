namespace MeshActors.Discovery;

/// <summary>Where the bootstrap is.</summary>
public enum BootstrapState
{
    /// <summary>Looking for a cluster: probing contact points.</summary>
    Seeking,

    /// <summary>Decided to join an existing cluster; the join is under way.</summary>
    Joining,

    /// <summary>Decided to form a new cluster; the node is becoming its first member.</summary>
    Forming,

    /// <summary>In a cluster. Contact points are still checked every heal-interval.</summary>
    Joined,
}
