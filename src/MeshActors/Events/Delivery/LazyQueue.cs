using System.Collections.Immutable;

namespace MeshActors.Events.Delivery;

/// <summary>
/// The router's IHAVEs waiting to go, per neighbour, until the next flush. Bounded: a neighbour's
/// queue that reaches <see cref="EventWireSerializer.MaxAnnouncements"/> is handed out at once.
/// </summary>
internal sealed class LazyQueue
{
    private readonly Dictionary<string, List<EventAnnouncement>> _queues = new(StringComparer.Ordinal);

    /// <summary>Whether anything waits.</summary>
    public bool IsEmpty => _queues.Count == 0;

    /// <summary>Queues an announcement to <paramref name="to"/>; returns a full batch to send now, if the queue filled.</summary>
    public ImmutableArray<EventAnnouncement>? Add(string to, EventAnnouncement announcement)
    {
        if (!_queues.TryGetValue(to, out var queue))
        {
            _queues[to] = queue = [];
        }

        queue.Add(announcement);
        if (queue.Count < EventWireSerializer.MaxAnnouncements)
        {
            return null;
        }

        _queues.Remove(to);
        return [.. queue];
    }

    /// <summary>Everything waiting, by neighbour, and empties the queue.</summary>
    public List<(string To, ImmutableArray<EventAnnouncement> Announcements)> Drain()
    {
        var all = _queues.Select(q => (q.Key, q.Value.ToImmutableArray())).ToList();
        _queues.Clear();
        return all;
    }

    /// <summary>Forgets what waits for a neighbour whose link went down.</summary>
    public void Forget(string peer) => _queues.Remove(peer);
}
