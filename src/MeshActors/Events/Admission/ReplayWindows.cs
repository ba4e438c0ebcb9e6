namespace MeshActors.Events.Admission;

/// <summary>
/// The <see cref="SequenceWindow"/> of each source, for at most <see cref="Capacity"/> sources: a
/// dictionary plus a recency list, O(1) per operation; setting a window beyond capacity forgets the
/// source whose window advanced least recently. A forgotten source's old events are still refused
/// by the seen-cache while it holds them and by the maximum age after that. Mutable and not
/// thread-safe: it belongs to the one actor that admits events.
/// </summary>
public sealed class ReplayWindows
{
    private readonly Dictionary<string, LinkedListNode<(string Source, SequenceWindow Window)>> _bySource;
    private readonly LinkedList<(string Source, SequenceWindow Window)> _recency = new();

    /// <summary>An empty table for at most <paramref name="capacity"/> sources.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is not positive.</exception>
    public ReplayWindows(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        Capacity = capacity;
        _bySource = new(capacity, StringComparer.Ordinal);
    }

    /// <summary>The most sources remembered.</summary>
    public int Capacity { get; }

    /// <summary>How many sources are remembered; never more than <see cref="Capacity"/>.</summary>
    public int Count => _bySource.Count;

    /// <summary>The window of <paramref name="source"/>; the empty window when it is not remembered. Does not change recency.</summary>
    public SequenceWindow Get(string source) =>
        _bySource.TryGetValue(source, out var node) ? node.Value.Window : default;

    /// <summary>Stores <paramref name="window"/> for <paramref name="source"/> as the most recent, forgetting the least recent source when full.</summary>
    public void Set(string source, SequenceWindow window)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (_bySource.Remove(source, out var existing))
        {
            _recency.Remove(existing);
        }
        else if (_bySource.Count == Capacity)
        {
            _bySource.Remove(_recency.First!.Value.Source);
            _recency.RemoveFirst();
        }

        _bySource[source] = _recency.AddLast((source, window));
    }
}
