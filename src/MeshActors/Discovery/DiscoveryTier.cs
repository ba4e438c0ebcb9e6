namespace MeshActors.Discovery;

/// <summary>The bootstrap's merge order: contact points of a lower tier are dialled first;
/// within a tier they are shuffled.</summary>
public enum DiscoveryTier
{
    /// <summary>Static seeds and manual introductions.</summary>
    Static = 0,

    /// <summary>DNS A/AAAA/SRV.</summary>
    Dns = 1,

    /// <summary>mDNS on the local network.</summary>
    Mdns = 2,

    /// <summary>Kubernetes, AWS and HTTP rendezvous.</summary>
    Platform = 3,

    /// <summary>The peer cache.</summary>
    Cache = 4,

    /// <summary>The release's fallback seeds, used only when nothing else yields a contact point.</summary>
    Fallback = 5,
}
