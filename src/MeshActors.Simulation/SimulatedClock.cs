namespace MeshActors.Simulation;

/// <summary>
/// A <see cref="TimeProvider"/> on the loop's virtual time. The monotonic timestamp is the same for
/// every node; wall-clock time (<see cref="GetUtcNow"/>) adds the node's clock skew, as a real
/// machine's wall clock can be off while its monotonic clock still ticks at the right rate.
/// </summary>
internal sealed class SimulatedClock : TimeProvider
{
    private readonly SimulationLoop _loop;
    private readonly SimulatedNode? _node;

    public SimulatedClock(SimulationLoop loop, SimulatedNode? node)
    {
        _loop = loop;
        _node = node;
    }

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override DateTimeOffset GetUtcNow() =>
        Simulation.Epoch + TimeSpan.FromTicks(_loop.NowTicks) + (_node?.ClockSkew ?? TimeSpan.Zero);

    public override long GetTimestamp() => _loop.NowTicks;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        new SimulatedTimer(_loop, _node, callback, state, dueTime, period);
}
