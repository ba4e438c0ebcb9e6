using System.Collections.Immutable;

namespace MeshActors.Events.Dissemination;

/// <summary>The messages a node has received, bounded: beyond <see cref="Capacity"/> the oldest
/// is forgotten. Immutable; every change returns a new cache.</summary>
public sealed class ReceivedCache
{
    private readonly ImmutableDictionary<long, ReceivedMessage> _byId;
    private readonly ImmutableQueue<long> _order;

    private ReceivedCache(ImmutableDictionary<long, ReceivedMessage> byId, ImmutableQueue<long> order, int capacity)
    {
        _byId = byId;
        _order = order;
        Capacity = capacity;
    }

    /// <summary>The most messages remembered.</summary>
    public int Capacity { get; }

    /// <summary>How many messages are remembered.</summary>
    public int Count => _byId.Count;

    /// <summary>An empty cache that remembers up to <paramref name="capacity"/> messages.</summary>
    public static ReceivedCache Empty(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        return new(ImmutableDictionary<long, ReceivedMessage>.Empty, ImmutableQueue<long>.Empty, capacity);
    }

    /// <summary>Whether message <paramref name="id"/> is remembered.</summary>
    public bool Contains(long id) => _byId.ContainsKey(id);

    /// <summary>The remembered message <paramref name="id"/>, if any.</summary>
    public bool TryGet(long id, out ReceivedMessage message) => _byId.TryGetValue(id, out message!);

    /// <summary>This cache with <paramref name="message"/> added (the oldest forgotten when full);
    /// the same cache if its id is already remembered.</summary>
    public ReceivedCache Add(ReceivedMessage message)
    {
        var id = message.Gossip.Id;
        if (_byId.ContainsKey(id))
        {
            return this;
        }

        var byId = _byId;
        var order = _order;
        if (byId.Count >= Capacity)
        {
            order = order.Dequeue(out var oldest);
            byId = byId.Remove(oldest);
        }

        return new(byId.Add(id, message), order.Enqueue(id), Capacity);
    }

    /// <summary>The remembered messages received at or after <paramref name="since"/>, oldest first.</summary>
    public IEnumerable<ReceivedMessage> ReceivedSince(TimeSpan since)
    {
        foreach (var id in _order)
        {
            var message = _byId[id];
            if (message.At >= since)
            {
                yield return message;
            }
        }
    }
}
