using MeshActors.Transport;

namespace MeshActors.Discovery.Bootstrap;

/// <summary>Everything the join decision looks at, as the bootstrap coordinator sees it now.</summary>
public sealed record BootstrapView
{
    /// <summary>This node's id.</summary>
    public required string SelfId { get; init; }

    /// <summary>This node's advertised address.</summary>
    public required NodeAddress SelfAddress { get; init; }

    /// <summary>The latest successful answer of every contact point that answers now (this node excluded).</summary>
    public required IReadOnlyList<ContactAnswer> Answers { get; init; }

    /// <summary>When the set of answering nodes last changed.</summary>
    public required DateTimeOffset SeenSince { get; init; }

    /// <summary>How many contact points are known (this node excluded), answering or not.</summary>
    public required int ContactPoints { get; init; }

    /// <summary>Whether anything could ever yield a contact point: seeds, a dynamic provider, manual introductions, the cache.</summary>
    public required bool DiscoveryConfigured { get; init; }

    /// <summary>Whether every provider has finished its first run.</summary>
    public required bool FirstRunsDone { get; init; }
}
