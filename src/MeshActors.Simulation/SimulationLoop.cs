using MeshActors.Actors;

namespace MeshActors.Simulation;

/// <summary>
/// The single-threaded deterministic event loop behind a simulation. Virtual time only moves when
/// nothing is runnable: first every scheduled actor runs, then the earliest event fires. Events at
/// the same instant fire in the order they were scheduled, so the same inputs give the same run.
/// </summary>
public sealed class SimulationLoop : IDispatcher
{
    /// <summary>How many actor runs may happen without time moving before the loop calls it a livelock.</summary>
    public const int MaxRunsPerInstant = 50_000_000;

    private readonly PriorityQueue<ScheduledEvent, EventKey> _events = new();
    private readonly Queue<IDispatchable> _runQueue = new();
    private long _now;
    private long _sequence;

    /// <summary>Virtual time since the simulation started.</summary>
    public TimeSpan Now => TimeSpan.FromTicks(_now);

    /// <summary>Events waiting to fire.</summary>
    public int PendingEvents => _events.Count;

    internal long NowTicks => _now;

    /// <inheritdoc />
    public void Schedule(IDispatchable work) => _runQueue.Enqueue(work);

    /// <summary>Runs until virtual time reaches <see cref="Now"/> + <paramref name="duration"/>.</summary>
    public void RunFor(TimeSpan duration) => RunUntil(Now + duration);

    /// <summary>Runs every event due at or before <paramref name="time"/>, then sets the clock to it.</summary>
    public void RunUntil(TimeSpan time)
    {
        var until = time.Ticks;
        while (true)
        {
            DrainRunQueue();
            if (!_events.TryPeek(out _, out var key) || key.Time > until)
            {
                break;
            }

            FireNext();
        }

        _now = Math.Max(_now, until);
    }

    /// <summary>Runs until <paramref name="condition"/> holds (checked after every event) or
    /// <paramref name="timeout"/> of virtual time has passed; returns whether it held.</summary>
    public bool RunUntil(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = _now + timeout.Ticks;
        DrainRunQueue();
        while (!condition())
        {
            if (!_events.TryPeek(out _, out var key) || key.Time > deadline)
            {
                _now = Math.Max(_now, deadline);
                return condition();
            }

            FireNext();
            DrainRunQueue();
        }

        return true;
    }

    internal void ScheduleAt(long dueTicks, IScheduledAction action, object? payload, long argument) =>
        _events.Enqueue(new ScheduledEvent(action, payload, argument), new EventKey(Math.Max(dueTicks, _now), _sequence++));

    private void FireNext()
    {
        _events.TryDequeue(out var e, out var key);
        _now = key.Time;
        e.Action.Execute(e.Payload, e.Argument);
    }

    private void DrainRunQueue()
    {
        var runs = 0;
        while (_runQueue.TryDequeue(out var work))
        {
            work.Run();
            if (++runs > MaxRunsPerInstant)
            {
                throw new InvalidOperationException($"Livelock: {MaxRunsPerInstant} actor runs at virtual time {Now} without time moving.");
            }
        }
    }
}
