using MeshActors.Randomness;
using MeshActors.Views;

namespace MeshActors.Tests.Views;

/// <summary>
/// A small in-memory network for HyParView property tests: FIFO per link (as TCP is), links
/// served in a seeded random order so runs explore interleavings, no time and no loss.
/// </summary>
internal sealed class ViewNetwork
{
    private readonly Dictionary<(int From, int To), Queue<HyParViewMessage<int>>> _links = [];
    private readonly List<(int From, int To)> _busy = [];
    private readonly IRandomSource _random;

    public ViewNetwork(int nodes, ulong seed, HyParViewOptions options)
    {
        _random = new SeededRandomSource(seed);
        States = Enumerable.Range(0, nodes).Select(n => HyParViewState<int>.Create(n, options)).ToArray();
    }

    public HyParViewState<int>[] States { get; }

    public int Delivered { get; private set; }

    public void Join(int node, int contact) => Apply(node, HyParView.StartJoin(States[node], contact, _random));

    public void Tick(int node) => Apply(node, HyParView.Tick(States[node], _random));

    /// <summary>Delivers messages until none is in flight (or the budget runs out, which fails the caller's checks).</summary>
    public bool Drain(int budget = 1_000_000)
    {
        while (_busy.Count > 0 && budget-- > 0)
        {
            var index = _random.Next(_busy.Count);
            var link = _busy[index];
            var queue = _links[link];
            var message = queue.Dequeue();
            if (queue.Count == 0)
            {
                _busy[index] = _busy[^1];
                _busy.RemoveAt(_busy.Count - 1);
            }

            Delivered++;
            Apply(link.To, HyParView.Handle(States[link.To], link.From, message, _random));
        }

        return _busy.Count == 0;
    }

    /// <summary>Pairs (a, b) where b is in a's active view but a is not in b's.</summary>
    public IEnumerable<(int, int)> AsymmetricLinks() =>
        from state in States
        from peer in state.Active
        where !States[peer].Active.Contains(state.Self)
        select (state.Self, peer);

    private void Apply(int node, HyParViewStep<int> step)
    {
        States[node] = step.State;
        foreach (var send in step.Sends)
        {
            var link = (node, send.To);
            if (!_links.TryGetValue(link, out var queue))
            {
                _links[link] = queue = new Queue<HyParViewMessage<int>>();
            }

            if (queue.Count == 0)
            {
                _busy.Add(link);
            }

            queue.Enqueue(send.Message);
        }
    }
}
