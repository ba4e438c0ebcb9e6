using MeshActors.Transport;

namespace MeshActors.Discovery.Bootstrap;

/// <summary>The bootstrap coordinator's mutable record of one contact point.</summary>
internal sealed class Contact(ContactPoint point, DiscoveryTier tier, DateTimeOffset nextDial)
{
    public ContactPoint Point { get; set; } = point;

    public DiscoveryTier Tier { get; set; } = tier;

    public NodeAddress Address => Point.Address;

    public DateTimeOffset NextDial { get; set; } = nextDial;

    public bool InFlight { get; set; }

    /// <summary>Whether it was ever dialled (the first dial goes out at once, later ones with jitter).</summary>
    public bool Dialled { get; set; }

    public int Failures { get; set; }

    public string? LastError { get; set; }

    /// <summary>The latest answer; null when the latest probe failed or none finished yet.</summary>
    public ContactAnswer? Answer { get; set; }

    /// <summary>Whether the address turned out to be this node (never dialled again).</summary>
    public bool Self { get; set; }

    public ContactStatus Status() => new(Address, Point.Provider, Answer?.NodeId, Answer?.Joined ?? false, Self, Failures, LastError, NextDial);
}
