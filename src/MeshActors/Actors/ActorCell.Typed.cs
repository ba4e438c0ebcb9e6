using System.Collections.Concurrent;
using MeshActors.Diagnostics;
using Microsoft.Extensions.Logging;

namespace MeshActors.Actors;

/// <summary>
/// One actor's mailbox and lifecycle. At most one thread runs a cell at a time (the
/// <see cref="_scheduled"/> flag); system messages go first and are handled even while the actor
/// waits out a restart backoff; user messages are handled only while it is running.
/// </summary>
internal sealed class ActorCell<TMessage> : ActorCell, IActorRef<TMessage>, IActorContext<TMessage>
{
    private readonly ConcurrentQueue<object?> _mailbox = new();
    private readonly ConcurrentQueue<SystemMessage> _systemMailbox = new();
    private readonly Func<Actor<TMessage>> _factory;
    private readonly SupervisionStrategy _strategy;
    private readonly ActorTimers<TMessage> _timers;
    private readonly Dictionary<string, ActorCell> _children = new(StringComparer.Ordinal);
    private Actor<TMessage>? _actor;
    private ITimer? _restartTimer;
    private CellState _state = CellState.Created;
    private int _scheduled;
    private int _consecutiveFailures;
    private long _startedAt;
    private bool _restartWhenChildrenGone;

    public ActorCell(ActorSystem system, ActorCell? parent, string name, Func<Actor<TMessage>> factory, SupervisionStrategy strategy)
        : base(system, parent, name)
    {
        _factory = factory;
        _strategy = strategy;
        Random = system.Random.Split();
        Log = system.LoggerFactory.CreateLogger("MeshActors.Actors." + name);
        _timers = new ActorTimers<TMessage>(system.Time, tick => Enqueue(tick));
    }

    private enum CellState
    {
        Created,
        Running,
        Suspended,
        Stopping,
        Stopped,
    }

    public IActorRef<TMessage> Self => this;

    ActorSystem IActorContext<TMessage>.System => System;

    public TimeProvider Time => System.Time;

    public IRandomSource Random { get; }

    public ITimerScheduler<TMessage> Timers => _timers;

    public ILogger Log { get; }

    public void Tell(TMessage message) => Enqueue(message);

    public override void SendSystem(SystemMessage message)
    {
        _systemMailbox.Enqueue(message);
        TrySchedule();
    }

    public override void Run()
    {
        while (_systemMailbox.TryDequeue(out var signal))
        {
            HandleSystem(signal);
        }

        for (var budget = System.Throughput; budget > 0 && _state == CellState.Running && _systemMailbox.IsEmpty; budget--)
        {
            if (!_mailbox.TryDequeue(out var item))
            {
                break;
            }

            Invoke(item);
        }

        Volatile.Write(ref _scheduled, 0);
        if (!_systemMailbox.IsEmpty || (_state == CellState.Running && !_mailbox.IsEmpty))
        {
            TrySchedule();
        }
    }

    public override void Abort()
    {
        foreach (var child in _children.Values)
        {
            child.Abort();
        }

        _children.Clear();
        _timers.CancelAll();
        _restartTimer?.Dispose();
        _state = CellState.Stopped;
        _actor = null;
        _mailbox.Clear();
        MarkTerminated();
    }

    public IActorRef<TChild> Spawn<TChild>(string name, Func<Actor<TChild>> factory, SupervisionStrategy? strategy = null)
    {
        ActorSystem.ValidateName(name);
        if (_children.ContainsKey(name))
        {
            throw new InvalidOperationException($"{Path} already has a child named '{name}' (it may still be stopping).");
        }

        var child = new ActorCell<TChild>(System, this, name, factory, strategy ?? SupervisionStrategy.Default);
        _children.Add(name, child);
        child.SendSystem(SystemMessage.Start);
        return child;
    }

    public void Stop() => SendSystem(SystemMessage.Stop);

    public void Stop(IActorRef child)
    {
        if (child is ActorCell cell && cell.Parent == this)
        {
            cell.SendSystem(SystemMessage.Stop);
        }
        else
        {
            throw new ArgumentException($"{child.Path} is not a child of {Path}.", nameof(child));
        }
    }

    private void Enqueue(object? item)
    {
        if (_state == CellState.Stopped)
        {
            System.DeadLetter(this, item);
            return;
        }

        _mailbox.Enqueue(item);
        TrySchedule();
    }

    private void TrySchedule()
    {
        if (Interlocked.CompareExchange(ref _scheduled, 1, 0) == 0)
        {
            System.Dispatcher.Schedule(this);
        }
    }

    private void Invoke(object? item)
    {
        try
        {
            if (item is ActorTimers<TMessage>.TimerTick tick)
            {
                if (_timers.Accept(tick))
                {
                    _actor!.InvokeHandle(tick.Message);
                }
            }
            else
            {
                _actor!.InvokeHandle((TMessage)item!);
            }
        }
        catch (Exception ex)
        {
            Fail(ex);
        }
    }

    private void HandleSystem(SystemMessage signal)
    {
        switch (signal.Kind)
        {
            case SystemMessageKind.Start when _state == CellState.Created:
                StartInstance();
                break;
            case SystemMessageKind.Restart when _state == CellState.Suspended:
                _restartTimer?.Dispose();
                _restartTimer = null;
                if (_children.Count == 0)
                {
                    StartInstance();
                }
                else
                {
                    _restartWhenChildrenGone = true;
                }

                break;
            case SystemMessageKind.Stop when _state is not (CellState.Stopping or CellState.Stopped):
                BeginStop();
                break;
            case SystemMessageKind.ChildTerminated:
                _children.Remove(signal.Child!.Name);
                if (_children.Count == 0)
                {
                    OnChildrenGone();
                }

                break;
        }
    }

    private void StartInstance()
    {
        _restartWhenChildrenGone = false;
        _state = CellState.Running;
        _startedAt = Time.GetTimestamp();
        try
        {
            _actor = _factory();
            _actor.Attach(this);
            _actor.InvokePreStart();
        }
        catch (Exception ex)
        {
            Fail(ex);
        }
    }

    private void Fail(Exception ex)
    {
        if (Time.GetElapsedTime(_startedAt) >= _strategy.ResetAfter)
        {
            _consecutiveFailures = 0;
        }

        _consecutiveFailures++;
        TearDownInstance();
        if (_consecutiveFailures > _strategy.MaxConsecutiveFailures)
        {
            MeshLog.ActorStoppedAfterFailures(Log, Path, _consecutiveFailures, ex);
            BeginStop();
            return;
        }

        var delay = _strategy.RestartDelay(_consecutiveFailures, Random.NextDouble());
        MeshLog.ActorRestarting(Log, Path, _consecutiveFailures, delay.TotalMilliseconds, ex);
        _state = CellState.Suspended;
        _restartTimer = Time.CreateTimer(static s => ((ActorCell)s!).SendSystem(SystemMessage.Restart), this, delay, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Ends the current instance: timers, children (asked to stop), then its <c>PostStop</c>.</summary>
    private void TearDownInstance()
    {
        _timers.CancelAll();
        foreach (var child in _children.Values)
        {
            child.SendSystem(SystemMessage.Stop);
        }

        var actor = _actor;
        _actor = null;
        try
        {
            actor?.InvokePostStop();
        }
        catch (Exception ex)
        {
            MeshLog.ActorPostStopFailed(Log, Path, ex);
        }
    }

    private void BeginStop()
    {
        _restartTimer?.Dispose();
        _timers.CancelAll();
        foreach (var child in _children.Values)
        {
            child.SendSystem(SystemMessage.Stop);
        }

        _state = CellState.Stopping;
        if (_children.Count == 0)
        {
            OnChildrenGone();
        }
    }

    private void OnChildrenGone()
    {
        if (_state == CellState.Stopping)
        {
            TearDownInstance();
            _state = CellState.Stopped;
            while (_mailbox.TryDequeue(out var item))
            {
                System.DeadLetter(this, item);
            }

            if (Parent is null)
            {
                System.Unregister(this);
            }
            else
            {
                Parent.SendSystem(SystemMessage.ChildTerminated(this));
            }

            MarkTerminated();
        }
        else if (_state == CellState.Suspended && _restartWhenChildrenGone)
        {
            StartInstance();
        }
    }
}
