using MeshActors.Randomness;

namespace MeshActors.Views;

/// <summary>
/// An immutable set of peers with a fixed capacity, kept in a small array: HyParView's views hold
/// at most a few dozen entries, so a copy per change is cheaper than a tree or a hash set and
/// leaves nothing to share between versions. Adding to a full set is an error: the caller decides
/// whom to evict (HyParView drops a random member), the set never does it silently.
/// </summary>
/// <typeparam name="TPeer">A peer's identity; equality decides membership.</typeparam>
public sealed class PeerSet<TPeer> : IReadOnlyList<TPeer>
    where TPeer : notnull, IEquatable<TPeer>
{
    private readonly TPeer[] _items;

    private PeerSet(TPeer[] items, int capacity)
    {
        _items = items;
        Capacity = capacity;
    }

    /// <summary>The most peers the set may hold.</summary>
    public int Capacity { get; }

    /// <inheritdoc />
    public int Count => _items.Length;

    /// <summary>Whether another peer would exceed <see cref="Capacity"/>.</summary>
    public bool IsFull => _items.Length >= Capacity;

    /// <inheritdoc />
    public TPeer this[int index] => _items[index];

    /// <summary>An empty set that may hold up to <paramref name="capacity"/> peers.</summary>
    public static PeerSet<TPeer> Empty(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        return new PeerSet<TPeer>([], capacity);
    }

    /// <summary>Whether <paramref name="peer"/> is a member.</summary>
    public bool Contains(TPeer peer) => IndexOf(peer) >= 0;

    /// <summary>This set with <paramref name="peer"/> added; the same set if it is already a member.</summary>
    /// <exception cref="InvalidOperationException">The set is full and <paramref name="peer"/> is not a member.</exception>
    public PeerSet<TPeer> Add(TPeer peer)
    {
        if (Contains(peer))
        {
            return this;
        }

        if (IsFull)
        {
            throw new InvalidOperationException($"the set is full ({Capacity}); remove a peer before adding {peer}");
        }

        var items = new TPeer[_items.Length + 1];
        _items.CopyTo(items, 0);
        items[^1] = peer;
        return new PeerSet<TPeer>(items, Capacity);
    }

    /// <summary>This set without <paramref name="peer"/>; the same set if it is not a member.</summary>
    public PeerSet<TPeer> Remove(TPeer peer)
    {
        var index = IndexOf(peer);
        if (index < 0)
        {
            return this;
        }

        var items = new TPeer[_items.Length - 1];
        Array.Copy(_items, 0, items, 0, index);
        Array.Copy(_items, index + 1, items, index, _items.Length - index - 1);
        return new PeerSet<TPeer>(items, Capacity);
    }

    /// <summary>Picks a member uniformly at random, other than <paramref name="exceptA"/> and
    /// <paramref name="exceptB"/> (pass the same peer twice to exclude one).</summary>
    /// <returns>False when no member qualifies.</returns>
    public bool TryPickRandom(IRandomSource random, TPeer exceptA, TPeer exceptB, out TPeer peer)
    {
        var candidates = 0;
        foreach (var item in _items)
        {
            if (!item.Equals(exceptA) && !item.Equals(exceptB))
            {
                candidates++;
            }
        }

        if (candidates == 0)
        {
            peer = default!;
            return false;
        }

        var pick = random.Next(candidates);
        foreach (var item in _items)
        {
            if (!item.Equals(exceptA) && !item.Equals(exceptB) && pick-- == 0)
            {
                peer = item;
                return true;
            }
        }

        throw new InvalidOperationException("unreachable: the pick is below the candidate count");
    }

    /// <summary>Picks a member uniformly at random.</summary>
    /// <returns>False when the set is empty.</returns>
    public bool TryPickRandom(IRandomSource random, out TPeer peer)
    {
        if (_items.Length == 0)
        {
            peer = default!;
            return false;
        }

        peer = _items[random.Next(_items.Length)];
        return true;
    }

    /// <summary>Up to <paramref name="count"/> distinct members chosen uniformly at random.</summary>
    public TPeer[] Sample(IRandomSource random, int count)
    {
        var copy = (TPeer[])_items.Clone();
        var take = Math.Min(count, copy.Length);
        for (var i = 0; i < take; i++)
        {
            var j = i + random.Next(copy.Length - i);
            (copy[i], copy[j]) = (copy[j], copy[i]);
        }

        return take == copy.Length ? copy : copy[..take];
    }

    /// <inheritdoc />
    public IEnumerator<TPeer> GetEnumerator() => ((IEnumerable<TPeer>)_items).GetEnumerator();

    /// <inheritdoc />
    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc />
    public override string ToString() => "{" + string.Join(", ", _items) + "}";

    private int IndexOf(TPeer peer)
    {
        for (var i = 0; i < _items.Length; i++)
        {
            if (_items[i].Equals(peer))
            {
                return i;
            }
        }

        return -1;
    }
}
