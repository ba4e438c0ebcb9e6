using MeshActors.Events.Dissemination;
using MeshActors.Randomness;

namespace MeshActors.Tests.Events.Dissemination;

/// <summary>
/// Plumtree over a fixed random connected graph, with per-link latency from a seed and the
/// nodes' timers, run in time order: enough to check delivery and the tree Plumtree settles into.
/// </summary>
internal sealed class TreeNetwork
{
    private readonly PriorityQueue<(int From, int To, PlumtreeMessage? Message), (TimeSpan, long)> _queue = new();
    private readonly Dictionary<(int, int), TimeSpan> _latency = [];
    private long _sequence;

    public TreeNetwork(int nodes, int degree, ulong seed)
    {
        var random = new SeededRandomSource(seed);
        States = Enumerable.Range(0, nodes).Select(n => PlumtreeState<int>.Create(n, PlumtreeOptions.Default)).ToArray();
        Delivered = Enumerable.Range(0, nodes).Select(_ => new HashSet<long>()).ToArray();
        for (var node = 1; node < nodes; node++)
        {
            Link(node, random.Next(node), random);
            for (var extra = 1; extra < degree; extra++)
            {
                Link(node, random.Next(nodes), random);
            }
        }
    }

    public PlumtreeState<int>[] States { get; }

    public HashSet<long>[] Delivered { get; }

    public TimeSpan Now { get; private set; }

    public int Duplicates { get; private set; }

    public void Broadcast(int node, long id) => Apply(node, Plumtree.Broadcast(States[node], id, ReadOnlyMemory<byte>.Empty, Now));

    public void Run()
    {
        while (_queue.TryDequeue(out var e, out var key))
        {
            Now = key.Item1;
            if (e.Message is null)
            {
                Apply(e.To, Plumtree.OnTimer(States[e.To], Now));
                continue;
            }

            if (e.Message is PlumtreeMessage.Gossip g && States[e.To].Received.Contains(g.Id))
            {
                Duplicates++;
            }

            Apply(e.To, Plumtree.Handle(States[e.To], e.From, e.Message, Now));
        }
    }

    private void Link(int a, int b, IRandomSource random)
    {
        if (a == b || States[a].Eager.Contains(b))
        {
            return;
        }

        _latency[(a, b)] = _latency[(b, a)] = TimeSpan.FromMilliseconds(1 + random.Next(100));
        States[a] = Plumtree.OnNeighborUp(States[a], b, Now).State;
        States[b] = Plumtree.OnNeighborUp(States[b], a, Now).State;
    }

    private void Apply(int node, PlumtreeStep<int> step)
    {
        States[node] = step.State;
        if (step.Delivered is { } delivered)
        {
            Delivered[node].Add(delivered.Id);
        }

        foreach (var send in step.Sends)
        {
            _queue.Enqueue((node, send.To, send.Message), (Now + _latency[(node, send.To)], _sequence++));
        }

        if (step.WakeAt is { } wake)
        {
            _queue.Enqueue((node, node, null), (wake, _sequence++));
        }
    }
}
