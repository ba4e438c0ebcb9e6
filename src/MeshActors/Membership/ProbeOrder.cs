using MeshActors.Actors;

namespace MeshActors.Membership;

/// <summary>
/// SWIM's randomized round-robin: members are probed in a shuffled order, and the order is
/// shuffled again after each full pass, so every member is probed once per pass (a bounded
/// detection time) yet no two nodes probe in step. A new member goes in at a random position.
/// </summary>
internal sealed class ProbeOrder(IRandomSource random)
{
    private readonly List<string> _order = [];
    private int _next;

    public int Count => _order.Count;

    /// <summary>The member at <paramref name="index"/>, for sampling random members.</summary>
    public string this[int index] => _order[index];

    public void Add(string nodeId)
    {
        var at = random.Next(_order.Count + 1);
        _order.Insert(at, nodeId);
        if (at < _next)
        {
            _next++;
        }
    }

    /// <summary>Adds many members at once in a fresh random order (a start from a known list).</summary>
    public void AddAll(IEnumerable<string> nodeIds)
    {
        _order.AddRange(nodeIds);
        Shuffle();
        _next = 0;
    }

    public void Remove(string nodeId)
    {
        var at = _order.IndexOf(nodeId);
        if (at < 0)
        {
            return;
        }

        _order.RemoveAt(at);
        if (at < _next)
        {
            _next--;
        }
    }

    /// <summary>The next member that <paramref name="eligible"/> accepts, or null after a full pass finds none.</summary>
    public string? Next(Func<string, bool> eligible)
    {
        for (var checkedCount = 0; checkedCount < _order.Count; checkedCount++)
        {
            if (_next >= _order.Count)
            {
                Shuffle();
                _next = 0;
            }

            var candidate = _order[_next++];
            if (eligible(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private void Shuffle()
    {
        for (var i = _order.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (_order[i], _order[j]) = (_order[j], _order[i]);
        }
    }
}
