using MeshActors.Events.Dissemination;
using MeshActors.Randomness;
using MeshActors.Views;

namespace MeshActors.Benchmarks.Overlay;

/// <summary>
/// A seeded discrete-event simulator that drives the pure HyParView and Plumtree cores: node
/// state in arrays indexed by node number, one priority queue of events by (time, sequence),
/// per-link latency drawn from the seed, optional loss, crashes noticed by the crashed node's
/// neighbours after a detection delay and by anyone who sends to it after a round trip. Nothing
/// here reads a clock or an unseeded random source, so the same seed gives the same trace
/// (<see cref="TraceHash"/> folds every event run).
/// </summary>
internal sealed class OverlaySimulator
{
    private readonly OverlaySimOptions _options;
    private readonly HyParViewOptions _viewOptions;
    private readonly PlumtreeOptions _treeOptions;
    private readonly HyParViewState<int>?[] _views;
    private readonly PlumtreeState<int>?[] _trees;
    private readonly IRandomSource[] _randoms;
    private readonly IRandomSource _network;
    private readonly PriorityQueue<SimEvent, EventKey> _queue = new();
    private readonly long _periodMicros;
    private long _sequence;

    public OverlaySimulator(OverlaySimOptions options, int capacity, HyParViewOptions viewOptions, PlumtreeOptions treeOptions)
    {
        _options = options;
        _viewOptions = viewOptions;
        _treeOptions = treeOptions;
        _views = new HyParViewState<int>?[capacity];
        _trees = new PlumtreeState<int>?[capacity];
        Alive = new bool[capacity];
        JoinedAt = new long[capacity];
        DiedAt = Enumerable.Repeat(long.MaxValue, capacity).ToArray();
        var root = new SeededRandomSource(options.Seed);
        _network = root.Split();
        _randoms = new IRandomSource[capacity];
        for (var i = 0; i < capacity; i++)
        {
            _randoms[i] = root.Split();
        }

        _periodMicros = (long)viewOptions.ShufflePeriod.TotalMicroseconds;
    }

    /// <summary>Called for every first delivery: node, message, hops.</summary>
    public Action<int, PlumtreeMessage.Gossip>? Delivered { get; set; }

    /// <summary>Called for every payload that reaches a node that already had it.</summary>
    public Action<int, long>? Duplicate { get; set; }

    public long Now { get; private set; }

    public long EventsRun { get; private set; }

    public ulong TraceHash { get; private set; } = 14695981039346656037UL;

    public bool[] Alive { get; }

    public long[] JoinedAt { get; }

    public long[] DiedAt { get; }

    public HyParViewState<int>? View(int node) => _views[node];

    /// <summary>Brings <paramref name="node"/> up now, joining through <paramref name="contact"/> (none for the first node).</summary>
    public void Join(int node, int? contact)
    {
        _views[node] = HyParViewState<int>.Create(node, _viewOptions);
        _trees[node] = PlumtreeState<int>.Create(node, _treeOptions);
        Alive[node] = true;
        JoinedAt[node] = Now;
        Schedule(Now + 1 + _randoms[node].Next((int)_periodMicros), new SimEvent(SimEventKind.Tick, node, node, null));
        if (contact is { } c)
        {
            ApplyView(node, HyParView.StartJoin(_views[node]!, c, _randoms[node]));
        }
    }

    /// <summary>Crashes <paramref name="node"/> now: it stops; its active neighbours notice after the detection delay.</summary>
    public void Crash(int node)
    {
        Alive[node] = false;
        DiedAt[node] = Now;
        foreach (var peer in _views[node]!.Active)
        {
            if (Alive[peer])
            {
                Schedule(Now + _options.FailureDetectionMicros + Latency(node, peer), new SimEvent(SimEventKind.PeerFailed, node, peer, null));
            }
        }
    }

    /// <summary><paramref name="node"/> originates message <paramref name="id"/> now.</summary>
    public void Broadcast(int node, long id) =>
        ApplyTree(node, Plumtree.Broadcast(_trees[node]!, id, ReadOnlyMemory<byte>.Empty, Micros(Now)));

    /// <summary>Runs every event due up to <paramref name="until"/>, then sets the clock there.</summary>
    public void RunUntil(long until)
    {
        while (_queue.TryPeek(out var next, out var key) && key.Time <= until)
        {
            _queue.Dequeue();
            Now = key.Time;
            EventsRun++;
            TraceHash = (TraceHash ^ (ulong)key.Time ^ ((ulong)next.Kind << 56) ^ ((ulong)(uint)next.From << 24) ^ (ulong)(uint)next.To) * 1099511628211UL;
            Run(next);
        }

        Now = until;
    }

    private void Run(SimEvent e)
    {
        var node = e.To;
        if (!Alive[node])
        {
            if (e.Kind is SimEventKind.ViewMessage or SimEventKind.TreeMessage && Alive[e.From])
            {
                // The sender's connection to a crashed node fails after a round trip.
                Schedule(Now + Latency(e.From, node), new SimEvent(SimEventKind.PeerFailed, node, e.From, null));
            }

            return;
        }

        switch (e.Kind)
        {
            case SimEventKind.ViewMessage:
                ApplyView(node, HyParView.Handle(_views[node]!, e.From, (HyParViewMessage<int>)e.Message!, _randoms[node]));
                break;
            case SimEventKind.TreeMessage:
                var message = (PlumtreeMessage)e.Message!;
                if (message is PlumtreeMessage.Gossip gossip && _trees[node]!.Received.Contains(gossip.Id))
                {
                    Duplicate?.Invoke(node, gossip.Id);
                }

                ApplyTree(node, Plumtree.Handle(_trees[node]!, e.From, message, Micros(Now)));
                break;
            case SimEventKind.Tick:
                ApplyView(node, HyParView.Tick(_views[node]!, _randoms[node]));
                Schedule(Now + _periodMicros, e);
                break;
            case SimEventKind.TreeTimer:
                ApplyTree(node, Plumtree.OnTimer(_trees[node]!, Micros(Now)));
                break;
            case SimEventKind.PeerFailed:
                var view = _views[node]!;
                var tree = _trees[node]!;
                if (view.Knows(e.From) || tree.Eager.Contains(e.From) || tree.Lazy.Contains(e.From))
                {
                    ApplyView(node, HyParView.OnPeerFailed(view, e.From, _randoms[node]));
                }

                break;
        }
    }

    private void ApplyView(int node, HyParViewStep<int> step)
    {
        var before = _views[node]!.Active;
        _views[node] = step.State;
        foreach (var send in step.Sends)
        {
            Send(SimEventKind.ViewMessage, node, send.To, send.Message);
        }

        var after = step.State.Active;
        if (ReferenceEquals(before, after))
        {
            return;
        }

        foreach (var peer in before)
        {
            if (!after.Contains(peer))
            {
                ApplyTree(node, Plumtree.OnNeighborDown(_trees[node]!, peer));
            }
        }

        foreach (var peer in after)
        {
            if (!before.Contains(peer))
            {
                ApplyTree(node, Plumtree.OnNeighborUp(_trees[node]!, peer, Micros(Now)));
            }
        }
    }

    private void ApplyTree(int node, PlumtreeStep<int> step)
    {
        _trees[node] = step.State;
        foreach (var send in step.Sends)
        {
            Send(SimEventKind.TreeMessage, node, send.To, send.Message);
        }

        if (step.Delivered is { } delivered)
        {
            Delivered?.Invoke(node, delivered);
        }

        if (step.WakeAt is { } wake)
        {
            Schedule((long)wake.TotalMicroseconds, new SimEvent(SimEventKind.TreeTimer, node, node, null));
        }
    }

    private void Send(SimEventKind kind, int from, int to, object message)
    {
        if (_options.Loss > 0 && _network.NextDouble() < _options.Loss)
        {
            return;
        }

        Schedule(Now + Latency(from, to), new SimEvent(kind, from, to, message));
    }

    private void Schedule(long time, SimEvent e) => _queue.Enqueue(e, new EventKey(time, _sequence++));

    /// <summary>A link's one-way latency: fixed per link (so links stay FIFO), drawn from the seed by hashing the pair.</summary>
    private long Latency(int a, int b)
    {
        var (low, high) = a < b ? (a, b) : (b, a);
        var x = _options.Seed ^ ((ulong)(uint)low << 32 | (uint)high);
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        x ^= x >> 31;
        var span = (ulong)(_options.MaxLatencyMicros - _options.MinLatencyMicros + 1);
        return _options.MinLatencyMicros + (long)(x % span);
    }

    private static TimeSpan Micros(long micros) => TimeSpan.FromTicks(micros * 10);
}
