namespace MeshActors.Events.Dissemination;

/// <summary>The messages Plumtree nodes exchange over HyParView's active links.</summary>
public abstract record PlumtreeMessage
{
    private PlumtreeMessage()
    {
    }

    /// <summary>The payload itself, pushed eagerly along the tree; <paramref name="Round"/> is
    /// the hops it has taken from the origin.</summary>
    public sealed record Gossip(long Id, ReadOnlyMemory<byte> Payload, int Round) : PlumtreeMessage;

    /// <summary>A lazy announcement: the sender has message <paramref name="Id"/>.</summary>
    public sealed record IHave(long Id, int Round) : PlumtreeMessage;

    /// <summary>The receiver should send message <paramref name="Id"/> and make this link eager.</summary>
    public sealed record Graft(long Id, int Round) : PlumtreeMessage;

    /// <summary>The receiver should make this link lazy: the sender got a duplicate over it.</summary>
    public sealed record Prune : PlumtreeMessage;
}
