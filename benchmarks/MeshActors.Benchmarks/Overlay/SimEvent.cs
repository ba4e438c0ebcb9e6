namespace MeshActors.Benchmarks.Overlay;

/// <summary>What a simulator event does when its time comes.</summary>
internal enum SimEventKind : byte
{
    /// <summary>A HyParView message from <see cref="SimEvent.From"/> arrives at <see cref="SimEvent.To"/>.</summary>
    ViewMessage,

    /// <summary>A Plumtree message from <see cref="SimEvent.From"/> arrives at <see cref="SimEvent.To"/>.</summary>
    TreeMessage,

    /// <summary><see cref="SimEvent.To"/>'s periodic HyParView tick (repair and shuffle).</summary>
    Tick,

    /// <summary><see cref="SimEvent.To"/>'s Plumtree timer.</summary>
    TreeTimer,

    /// <summary><see cref="SimEvent.To"/> learns that its link to <see cref="SimEvent.From"/> broke.</summary>
    PeerFailed,
}

/// <summary>One scheduled event; a struct so the queue holds no per-event object beyond the message.</summary>
internal readonly record struct SimEvent(SimEventKind Kind, int From, int To, object? Message);

/// <summary>Events run in time order, ties in the order they were scheduled: the same seed gives the same trace.</summary>
internal readonly record struct EventKey(long Time, long Sequence) : IComparable<EventKey>
{
    public int CompareTo(EventKey other)
    {
        var byTime = Time.CompareTo(other.Time);
        return byTime != 0 ? byTime : Sequence.CompareTo(other.Sequence);
    }
}
