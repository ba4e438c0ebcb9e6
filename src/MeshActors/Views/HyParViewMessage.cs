using System.Collections.Immutable;

namespace MeshActors.Views;

/// <summary>The messages HyParView nodes exchange. The sender is known from the link, so a message
/// carries only what the link does not tell.</summary>
/// <typeparam name="TPeer">A peer's identity.</typeparam>
public abstract record HyParViewMessage<TPeer>
    where TPeer : notnull, IEquatable<TPeer>
{
    private HyParViewMessage()
    {
    }

    /// <summary>A new node asks its contact to admit it.</summary>
    public sealed record Join : HyParViewMessage<TPeer>;

    /// <summary>The contact spreads a join by random walks of <paramref name="TimeToLive"/> more hops.</summary>
    public sealed record ForwardJoin(TPeer NewNode, int TimeToLive) : HyParViewMessage<TPeer>;

    /// <summary>The node where a forward-join walk ended added the new node to its active view; the
    /// new node adds it back, so the link is symmetric.</summary>
    public sealed record ForwardJoinAccepted : HyParViewMessage<TPeer>;

    /// <summary>Asks a passive peer to become an active neighbour.</summary>
    public sealed record Neighbor(NeighborPriority Priority) : HyParViewMessage<TPeer>;

    /// <summary>The answer to <see cref="Neighbor"/>.</summary>
    public sealed record NeighborReply(bool Accepted) : HyParViewMessage<TPeer>;

    /// <summary>The sender removed the receiver from its active view (moved it to its passive view).</summary>
    public sealed record Disconnect : HyParViewMessage<TPeer>;

    /// <summary>A shuffle walk from <paramref name="Origin"/> with <paramref name="TimeToLive"/>
    /// more hops, carrying the origin, some of its active and some of its passive peers.</summary>
    public sealed record Shuffle(TPeer Origin, int TimeToLive, ImmutableArray<TPeer> Sample) : HyParViewMessage<TPeer>;

    /// <summary>The node where a shuffle walk ended answers the origin with as many of its passive peers.</summary>
    public sealed record ShuffleReply(ImmutableArray<TPeer> Sample) : HyParViewMessage<TPeer>;
}
