using MeshActors.Actors;

namespace MeshActors.Simulation;

/// <summary>
/// One node of a simulation: its own actor system on the shared virtual clock, its own random
/// source and clock skew, and an address on the simulated network. The setup delegate builds its
/// actors, at start and again after every restart (state is lost across a crash, as on a machine).
/// </summary>
public sealed class SimulatedNode : IScheduledAction
{
    private static readonly object ResumeSignal = new();
    private readonly Simulation _simulation;
    private readonly Action<SimulatedNode> _setup;
    private readonly IRandomSource _seeds;
    private ActorSystem? _system;
    private NodeDispatcher? _dispatcher;

    internal SimulatedNode(Simulation simulation, int id, string name, Action<SimulatedNode> setup, IRandomSource seeds)
    {
        _simulation = simulation;
        Id = id;
        Name = name;
        _setup = setup;
        _seeds = seeds;
        Time = new SimulatedClock(simulation.Loop, this);
        Random = seeds.Split();
    }

    /// <summary>The simulation this node belongs to.</summary>
    public Simulation Simulation => _simulation;

    /// <summary>The node's index: its address on the simulated network.</summary>
    public int Id { get; }

    /// <summary>The node's name, for traces and logs.</summary>
    public string Name { get; }

    /// <summary>Whether it runs, is paused or has crashed.</summary>
    public SimulatedNodeState State { get; private set; }

    /// <summary>Counts starts: 1 after the first, one more per restart.</summary>
    public long Incarnation { get; private set; }

    /// <summary>The current incarnation's actor system.</summary>
    public ActorSystem System => _system ?? throw new InvalidOperationException($"Node {Name} has not started.");

    /// <summary>The node's clock: shared virtual time, plus <see cref="ClockSkew"/> on wall-clock reads.</summary>
    public TimeProvider Time { get; }

    /// <summary>The current incarnation's random source.</summary>
    public IRandomSource Random { get; private set; }

    /// <summary>How far this node's wall clock is off; timers and timestamps are not affected.</summary>
    public TimeSpan ClockSkew { get; set; }

    /// <summary>Called with (sender id, message) for every message that reaches this node. The
    /// setup delegate sets it; a crash clears it.</summary>
    public Action<int, object>? Receiver { get; set; }

    internal long PausedUntilTicks { get; private set; }

    /// <summary>Sends <paramref name="message"/> to node <paramref name="to"/> over the simulated network.</summary>
    public void Send(int to, object message) => _simulation.Network.Send(this, to, message);

    /// <summary>Loses every actor and its state at once; messages to the node are dropped until it restarts.</summary>
    public void Crash()
    {
        if (State == SimulatedNodeState.Crashed)
        {
            return;
        }

        State = SimulatedNodeState.Crashed;
        Receiver = null;
        _system?.Abort();
        _simulation.Trace.Add(_simulation.Loop.NowTicks, TraceKinds.Crash, Id, Incarnation, null);
    }

    /// <summary>Starts a fresh incarnation (crashing the current one first if it still runs).</summary>
    public void Restart()
    {
        Crash();
        Start();
    }

    /// <summary>Stalls the node for <paramref name="duration"/>, like a long garbage-collection pause.</summary>
    public void Pause(TimeSpan duration)
    {
        if (State == SimulatedNodeState.Crashed)
        {
            return;
        }

        State = SimulatedNodeState.Paused;
        PausedUntilTicks = Math.Max(PausedUntilTicks, _simulation.Loop.NowTicks + duration.Ticks);
        _simulation.Loop.ScheduleAt(PausedUntilTicks, this, ResumeSignal, Incarnation);
        _simulation.Trace.Add(_simulation.Loop.NowTicks, TraceKinds.Pause, Id, duration.Ticks, null);
    }

    void IScheduledAction.Execute(object? payload, long argument)
    {
        if (ReferenceEquals(payload, ResumeSignal))
        {
            Resume(argument);
        }
        else
        {
            _simulation.Network.Deliver(this, (int)argument, payload!);
        }
    }

    internal void Start()
    {
        Incarnation++;
        State = SimulatedNodeState.Running;
        PausedUntilTicks = 0;
        Random = _seeds.Split();
        _dispatcher = new NodeDispatcher(_simulation.Loop, this, Incarnation);
        _system = new ActorSystem(Name, new ActorSystemSettings
        {
            Dispatcher = _dispatcher,
            Time = Time,
            Random = Random.Split(),
            LoggerFactory = _simulation.Options.LoggerFactory,
            Throughput = _simulation.Options.ActorThroughput,
        });
        _simulation.Trace.Add(_simulation.Loop.NowTicks, TraceKinds.Start, Id, Incarnation, null);
        _setup(this);
    }

    private void Resume(long incarnation)
    {
        if (incarnation != Incarnation || State != SimulatedNodeState.Paused || _simulation.Loop.NowTicks < PausedUntilTicks)
        {
            return;
        }

        State = SimulatedNodeState.Running;
        _dispatcher?.Release();
    }
}
