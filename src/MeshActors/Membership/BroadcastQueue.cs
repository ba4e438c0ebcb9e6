using Google.Protobuf;
using MeshActors.Transport.Wire;

namespace MeshActors.Membership;

/// <summary>
/// Updates waiting to be piggybacked (memberlist's TransmitLimitedQueue). A newer update about a
/// member replaces the older one. Each take hands out the least-sent updates first (newest first
/// among equals) that fit the byte budget, and an update is dropped after it has been sent
/// <c>limit</c> times (<see cref="SwimFormulas.RetransmitLimit"/>).
/// </summary>
internal sealed class BroadcastQueue
{
    private readonly SortedSet<Item> _items = new(ItemOrder.Instance);
    private readonly Dictionary<string, Item> _byNode = new(StringComparer.Ordinal);
    private long _sequence;

    public int Count => _items.Count;

    /// <summary>Queues <paramref name="record"/>, replacing any pending update about the same member.</summary>
    public void Enqueue(MemberRecord record)
    {
        if (_byNode.Remove(record.NodeId, out var old))
        {
            _items.Remove(old);
        }

        var item = new Item(record, record.CalculateSize() + 2, 0, ++_sequence);
        _items.Add(item);
        _byNode[record.NodeId] = item;
    }

    /// <summary>The pending update about <paramref name="nodeId"/>, if any.</summary>
    public MemberRecord? Pending(string nodeId) => _byNode.TryGetValue(nodeId, out var item) ? item.Record : null;

    /// <summary>Takes updates that fit in <paramref name="budget"/> bytes, counting one transmission each.</summary>
    public void Take(int budget, int limit, ICollection<MemberRecord> into, string? skipNode = null)
    {
        if (_items.Count == 0)
        {
            return;
        }

        List<Item>? sent = null;
        foreach (var item in _items)
        {
            if (item.Size > budget)
            {
                if (budget < 64)
                {
                    break;
                }

                continue;
            }

            if (item.Record.NodeId == skipNode)
            {
                continue;
            }

            budget -= item.Size;
            into.Add(item.Record);
            (sent ??= []).Add(item);
        }

        if (sent is null)
        {
            return;
        }

        foreach (var item in sent)
        {
            _items.Remove(item);
            _byNode.Remove(item.Record.NodeId);
            if (item.Transmits + 1 < limit)
            {
                var again = item with { Transmits = item.Transmits + 1 };
                _items.Add(again);
                _byNode[item.Record.NodeId] = again;
            }
        }
    }

    private sealed record Item(MemberRecord Record, int Size, int Transmits, long Sequence);

    private sealed class ItemOrder : IComparer<Item>
    {
        public static readonly ItemOrder Instance = new();

        public int Compare(Item? x, Item? y)
        {
            var byTransmits = x!.Transmits.CompareTo(y!.Transmits);
            return byTransmits != 0 ? byTransmits : y.Sequence.CompareTo(x.Sequence);
        }
    }
}
