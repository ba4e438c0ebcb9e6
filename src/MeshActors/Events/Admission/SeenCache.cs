using MeshActors.Events.Envelope;

namespace MeshActors.Events.Admission;

/// <summary>
/// The ids of the last <see cref="Capacity"/> admitted events, for duplicate suppression: a ring of
/// ids in arrival order plus a hash set over the same ids, both allocated once at full size. A check
/// and an insert are O(1); when full, an insert forgets the oldest id (first in, first out). Memory
/// is fixed at about 56 bytes per slot (16 in the ring, ~40 in the set) and never grows. Mutable and
/// not thread-safe: it belongs to the one actor that admits events.
/// </summary>
public sealed class SeenCache
{
    private readonly EventId[] _ring;
    private readonly HashSet<EventId> _set;
    private int _next;

    /// <summary>An empty cache that holds at most <paramref name="capacity"/> ids.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is not positive.</exception>
    public SeenCache(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _ring = new EventId[capacity];
        _set = new HashSet<EventId>(capacity);
    }

    /// <summary>The most ids the cache holds.</summary>
    public int Capacity => _ring.Length;

    /// <summary>How many ids it holds now; never more than <see cref="Capacity"/>.</summary>
    public int Count => _set.Count;

    /// <summary>Whether <paramref name="id"/> is among the ids held.</summary>
    public bool Contains(EventId id) => _set.Contains(id);

    /// <summary>Remembers <paramref name="id"/>, forgetting the oldest id when full. False, changing nothing, when it is already held.</summary>
    public bool Add(EventId id)
    {
        if (_set.Contains(id))
        {
            return false;
        }

        if (_set.Count == _ring.Length)
        {
            _set.Remove(_ring[_next]);
        }

        _ring[_next] = id;
        _set.Add(id);
        _next = (_next + 1) % _ring.Length;
        return true;
    }
}
