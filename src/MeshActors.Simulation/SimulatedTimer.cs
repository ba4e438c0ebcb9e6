namespace MeshActors.Simulation;

/// <summary>
/// A timer on virtual time. Every <see cref="Change"/> or <see cref="Dispose"/> bumps a generation,
/// so an event scheduled for an older setting is ignored when it fires. A timer that belongs to a
/// node is held while the node is paused: ticks due during the stall coalesce into one at resume,
/// and a periodic timer counts its next period from there. A node's timer dies with the node's
/// incarnation when it crashes.
/// </summary>
internal sealed class SimulatedTimer : ITimer, IScheduledAction
{
    private readonly SimulationLoop _loop;
    private readonly SimulatedNode? _node;
    private readonly long _incarnation;
    private readonly TimerCallback _callback;
    private readonly object? _state;
    private long _generation;
    private long _periodTicks;
    private bool _disposed;

    public SimulatedTimer(SimulationLoop loop, SimulatedNode? node, TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        _loop = loop;
        _node = node;
        _incarnation = node?.Incarnation ?? 0;
        _callback = callback;
        _state = state;
        Change(dueTime, period);
    }

    public bool Change(TimeSpan dueTime, TimeSpan period)
    {
        if (_disposed)
        {
            return false;
        }

        _generation++;
        _periodTicks = period == Timeout.InfiniteTimeSpan || period <= TimeSpan.Zero ? 0 : period.Ticks;
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            _loop.ScheduleAt(_loop.NowTicks + Math.Max(0, dueTime.Ticks), this, null, _generation);
        }

        return true;
    }

    public void Execute(object? payload, long argument)
    {
        if (argument != _generation || _disposed)
        {
            return;
        }

        if (_node is not null)
        {
            if (_node.Incarnation != _incarnation || _node.State == SimulatedNodeState.Crashed)
            {
                return;
            }

            if (_node.State == SimulatedNodeState.Paused)
            {
                _loop.ScheduleAt(_node.PausedUntilTicks, this, null, argument);
                return;
            }
        }

        if (_periodTicks > 0)
        {
            _loop.ScheduleAt(_loop.NowTicks + _periodTicks, this, null, _generation);
        }

        _callback(_state);
    }

    public void Dispose()
    {
        _disposed = true;
        _generation++;
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
