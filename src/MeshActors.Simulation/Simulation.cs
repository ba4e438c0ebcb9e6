using MeshActors.Actors;

namespace MeshActors.Simulation;

/// <summary>
/// Many nodes' real actors in one process, on virtual time, over a simulated network. The seed
/// fixes every random choice (latency, loss, each node's randomness), so the same seed and the same
/// script give the same <see cref="Trace"/>.
/// </summary>
public sealed class Simulation : IScheduledAction
{
    /// <summary>Virtual time zero on the nodes' wall clocks.</summary>
    public static readonly DateTimeOffset Epoch = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly List<SimulatedNode> _nodes = [];
    private readonly IRandomSource _seeds;

    /// <summary>Creates an empty simulation whose every random choice follows from <paramref name="seed"/>.</summary>
    public Simulation(ulong seed, SimulationOptions? options = null)
    {
        Seed = seed;
        Options = options ?? new SimulationOptions();
        _seeds = new SeededRandomSource(seed);
        Loop = new SimulationLoop();
        Clock = new SimulatedClock(Loop, null);
        Network = new SimulatedNetwork(this, _seeds.Split(), Options.DefaultLink);
    }

    /// <summary>The seed.</summary>
    public ulong Seed { get; }

    /// <summary>The options.</summary>
    public SimulationOptions Options { get; }

    /// <summary>The event loop.</summary>
    public SimulationLoop Loop { get; }

    /// <summary>Virtual time for code outside any node (tests, scripts).</summary>
    public TimeProvider Clock { get; }

    /// <summary>The network between the nodes.</summary>
    public SimulatedNetwork Network { get; }

    /// <summary>The fingerprint of everything that happened so far.</summary>
    public TraceHash Trace { get; } = new();

    /// <summary>The nodes, indexed by id.</summary>
    public IReadOnlyList<SimulatedNode> Nodes => _nodes;

    /// <summary>Virtual time since the start.</summary>
    public TimeSpan Now => Loop.Now;

    internal List<SimulatedNode> NodeList => _nodes;

    /// <summary>Adds and starts a node; <paramref name="setup"/> spawns its actors and sets its
    /// <see cref="SimulatedNode.Receiver"/>, now and after every restart.</summary>
    public SimulatedNode AddNode(string name, Action<SimulatedNode> setup)
    {
        var node = new SimulatedNode(this, _nodes.Count, name, setup, _seeds.Split());
        _nodes.Add(node);
        node.Start();
        return node;
    }

    /// <summary>Runs <paramref name="action"/> at virtual time <paramref name="time"/>: a scripted
    /// crash, partition or heal.</summary>
    public void At(TimeSpan time, Action action) => Loop.ScheduleAt(time.Ticks, this, action, 0);

    /// <summary>Runs for <paramref name="duration"/> of virtual time.</summary>
    public void RunFor(TimeSpan duration) => Loop.RunFor(duration);

    /// <summary>Runs until <paramref name="condition"/> holds or <paramref name="timeout"/> of
    /// virtual time has passed; returns whether it held.</summary>
    public bool RunUntil(Func<bool> condition, TimeSpan timeout) => Loop.RunUntil(condition, timeout);

    void IScheduledAction.Execute(object? payload, long argument) => ((Action)payload!)();

    internal void RecordDelivery(int from, int to, object message) =>
        Trace.Add(Loop.NowTicks, TraceKinds.Delivery, from, to, Options.TraceMessageText ? message.ToString() : message.GetType().Name);
}
