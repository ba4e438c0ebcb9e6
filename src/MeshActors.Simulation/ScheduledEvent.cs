namespace MeshActors.Simulation;

/// <summary>Something that happens at an instant of virtual time: a timer, a delivery, a resume.</summary>
internal interface IScheduledAction
{
    void Execute(object? payload, long argument);
}

/// <summary>An event in the loop's queue; a struct so scheduling allocates nothing of its own.</summary>
internal readonly record struct ScheduledEvent(IScheduledAction Action, object? Payload, long Argument);

/// <summary>Orders events by time, then by the order they were scheduled.</summary>
internal readonly record struct EventKey(long Time, long Sequence) : IComparable<EventKey>
{
    public int CompareTo(EventKey other)
    {
        var byTime = Time.CompareTo(other.Time);
        return byTime != 0 ? byTime : Sequence.CompareTo(other.Sequence);
    }
}
