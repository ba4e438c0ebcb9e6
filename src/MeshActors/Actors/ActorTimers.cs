namespace MeshActors.Actors;

/// <summary>
/// An actor's keyed timers over the injected <see cref="TimeProvider"/>. Each start makes a fresh
/// tick object; a tick that is no longer the current one for its key is dropped when it reaches
/// the front of the mailbox, so cancel and replace are exact even for ticks already queued.
/// Only the owning actor's thread touches the table; timer callbacks only enqueue.
/// </summary>
internal sealed class ActorTimers<TMessage> : ITimerScheduler<TMessage>
{
    private readonly Dictionary<object, Entry> _entries = new();
    private readonly TimeProvider _time;
    private readonly Action<TimerTick> _enqueue;

    public ActorTimers(TimeProvider time, Action<TimerTick> enqueue)
    {
        _time = time;
        _enqueue = enqueue;
    }

    public void StartSingle(object key, TMessage message, TimeSpan delay) =>
        Start(key, message, delay, Timeout.InfiniteTimeSpan, periodic: false);

    public void StartPeriodic(object key, TMessage message, TimeSpan interval, TimeSpan? initialDelay = null)
    {
        if (interval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(interval), interval, "A periodic timer needs a positive interval.");
        }

        Start(key, message, initialDelay ?? interval, interval, periodic: true);
    }

    public bool IsActive(object key) => _entries.ContainsKey(key);

    public void Cancel(object key)
    {
        if (_entries.Remove(key, out var entry))
        {
            entry.Timer.Dispose();
        }
    }

    public void CancelAll()
    {
        foreach (var entry in _entries.Values)
        {
            entry.Timer.Dispose();
        }

        _entries.Clear();
    }

    /// <summary>Whether <paramref name="tick"/> is still current; a single-shot timer ends here.</summary>
    public bool Accept(TimerTick tick)
    {
        if (!_entries.TryGetValue(tick.Key, out var entry) || entry.Tick != tick)
        {
            return false;
        }

        if (!entry.Periodic)
        {
            _entries.Remove(tick.Key);
            entry.Timer.Dispose();
        }

        return true;
    }

    private void Start(object key, TMessage message, TimeSpan due, TimeSpan period, bool periodic)
    {
        ArgumentNullException.ThrowIfNull(key);
        Cancel(key);
        var tick = new TimerTick(key, message, _enqueue);
        var timer = _time.CreateTimer(static state => ((TimerTick)state!).Fire(), tick, Clamp(due), period);
        _entries[key] = new Entry(timer, tick, periodic);
    }

    private static TimeSpan Clamp(TimeSpan due) => due < TimeSpan.Zero ? TimeSpan.Zero : due;

    private sealed record Entry(ITimer Timer, TimerTick Tick, bool Periodic);

    /// <summary>One timer's message in the mailbox, reused for every tick of that timer.</summary>
    internal sealed class TimerTick(object key, TMessage message, Action<TimerTick> enqueue)
    {
        public object Key { get; } = key;

        public TMessage Message { get; } = message;

        public void Fire() => enqueue(this);
    }
}
