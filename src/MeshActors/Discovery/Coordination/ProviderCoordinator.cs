using Akka.Actor;
using MeshActors.Diagnostics;
using MeshActors.Randomness;
using Microsoft.Extensions.Logging;
using static MeshActors.Discovery.Coordination.ProviderCoordinator.Protocol;

namespace MeshActors.Discovery.Coordination;

/// <summary>
/// Drives one <see cref="IDiscoveryProvider"/>: starts it once, runs it on its refresh schedule
/// (one run at a time, each within the run timeout), backs off exponentially with jitter after
/// failures (a success resets), and keeps its <see cref="ProviderHealth"/>, latest result and
/// metrics. Two states: waiting for the next run, and running (which, after a run timed out,
/// lasts until the abandoned run has returned, so runs never overlap). Owns the provider and
/// disposes it when stopped. The schedule and backoff are the pure <see cref="Backoff"/>.
/// </summary>
internal sealed partial class ProviderCoordinator : ReceiveActor, IWithTimers
{
    private const string NextRunTimer = "next-run";
    private const string RunTimeoutTimer = "run-timeout";
    private static readonly TimeSpan DisposeWait = TimeSpan.FromSeconds(5);

    private readonly IDiscoveryProvider _provider;
    private readonly DiscoveryTier _tier;
    private readonly TimeSpan _refresh;
    private readonly CoordinatorSettings _settings;
    private readonly DiscoveryMetrics _metrics;
    private readonly IRandomSource _random;
    private readonly ILogger _log;
    private readonly List<IActorRef> _firstRunWaiters = [];
    private readonly List<IActorRef> _refreshWaiters = [];
    private ProviderHealth _health;
    private DiscoveryResult? _latest;
    private CancellationTokenSource? _run;
    private long _runId;
    private bool _timedOut;
    private bool _runAgain;
    private bool _firstRunDone;
    private volatile bool _started;

    public ProviderCoordinator(ProviderRegistration registration, CoordinatorSettings settings, DiscoveryMetrics metrics, IRandomSource random, ILoggerFactory loggers)
    {
        _provider = registration.Provider;
        _tier = registration.Tier;
        _refresh = registration.RefreshInterval;
        _settings = settings;
        _metrics = metrics;
        _random = random;
        _log = loggers.CreateLogger<ProviderCoordinator>();
        _health = ProviderHealth.Starting(_provider.Name, _tier);
        Waiting();
    }

    /// <inheritdoc/>
    public ITimerScheduler Timers { get; set; } = null!;

    private string Name => _provider.Name;

    private DateTimeOffset Now => Context.System.Scheduler.Now;

    /// <summary>The actor's props (the provider is owned, and disposed when the actor stops).</summary>
    internal static Props Props(ProviderRegistration registration, CoordinatorSettings settings, DiscoveryMetrics metrics, IRandomSource random, ILoggerFactory loggers) =>
        global::Akka.Actor.Props.Create(() => new ProviderCoordinator(registration, settings, metrics, random, loggers));

    /// <inheritdoc/>
    protected override void PreStart() => Self.Tell(Tick.Instance);

    /// <inheritdoc/>
    protected override void PostStop()
    {
        _run?.Cancel();
        try
        {
            _provider.DisposeAsync().AsTask().Wait(DisposeWait);
        }
        catch (Exception ex)
        {
            _log.LogWarning(ex, "Discovery provider {Provider} failed to dispose", Name);
        }
    }

    private void Waiting()
    {
        Receive<Tick>(_ => StartRun());
        Receive<RefreshNow>(_ =>
        {
            AddWaiter(_refreshWaiters);
            StartRun();
        });
        Queries();
    }

    private void Running()
    {
        Receive<Tick>(_ => _runAgain = true);
        Receive<RefreshNow>(_ =>
        {
            AddWaiter(_refreshWaiters);
            _runAgain |= _timedOut;
        });
        Receive<RunTimedOut>(m => m.RunId == _runId && !_timedOut, _ =>
        {
            _timedOut = true;
            _run?.Cancel();
            Failed("timeout", $"{Name}: no answer within {_settings.RunTimeout.TotalSeconds:0.###} s (meshactors.discovery.run-timeout)");
        });
        Receive<RunFinished>(m => m.RunId == _runId, Finished);
        Queries();
    }

    private void Queries()
    {
        Receive<GetHealth>(_ => Sender.Tell(_health));
        Receive<GetLatest>(_ => Sender.Tell(LatestMessage()));
        Receive<AwaitFirstRun>(_ =>
        {
            if (_firstRunDone)
            {
                Sender.Tell(LatestMessage());
            }
            else
            {
                AddWaiter(_firstRunWaiters);
            }
        });

        // A run's result or timeout that arrives after its run was superseded.
        Receive<RunFinished>(_ => { });
        Receive<RunTimedOut>(_ => { });
    }

    private void StartRun()
    {
        Timers.Cancel(NextRunTimer);
        _runId++;
        _timedOut = false;
        _runAgain = false;
        _run?.Dispose();
        _run = new CancellationTokenSource();
        _health = _health.RunStarted(Now);
        var id = _runId;
        var token = _run.Token;
        Task.Run(() => RunAsync(token), CancellationToken.None)
            .PipeTo(Self, Self, result => new RunFinished(id, result, null), error => new RunFinished(id, null, error));
        Timers.StartSingleTimer(RunTimeoutTimer, new RunTimedOut(id), _settings.RunTimeout);
        Become(Running);
    }

    private async Task<DiscoveryResult> RunAsync(CancellationToken cancellationToken)
    {
        if (!_started)
        {
            await _provider.StartAsync(cancellationToken).ConfigureAwait(false);
            _started = true;
        }

        return await _provider.DiscoverAsync(cancellationToken).ConfigureAwait(false) ?? DiscoveryResult.Empty;
    }

    private void Finished(RunFinished finished)
    {
        Timers.Cancel(RunTimeoutTimer);
        if (!_timedOut)
        {
            if (finished.Result is { } result)
            {
                Succeeded(result);
            }
            else
            {
                Failed("error", ErrorText(finished.Error));
            }
        }

        Become(Waiting);
        if (_runAgain)
        {
            StartRun();
        }
    }

    private void Succeeded(DiscoveryResult result)
    {
        var now = Now;
        var wait = Backoff.AfterSuccess(result.ValidFor, _refresh, _settings.MinRefresh);
        var previous = _health;
        _latest = result;
        _health = _health.Succeeded(now, result.ContactPoints, now + wait);
        Measure("ok", now);
        _metrics.Targets.WithLabels(Name).Set(result.ContactPoints.Count);
        _metrics.LastSuccess.WithLabels(Name).Set(now.ToUnixTimeMilliseconds() / 1000.0);
        if (previous.ConsecutiveFailures > 0)
        {
            MeshLog.DiscoveryRecovered(_log, Name, previous.ConsecutiveFailures);
        }

        if (!previous.Targets.Select(p => p.Address).SequenceEqual(result.ContactPoints.Select(p => p.Address)) || previous.State == ProviderState.Starting)
        {
            MeshLog.DiscoveryFound(_log, Name, result.ContactPoints.Count, now - (_health.LastRunStarted ?? now), string.Join(", ", result.ContactPoints.Select(p => p.Address)));
        }

        Ran(wait);
    }

    private void Failed(string outcome, string error)
    {
        var now = Now;
        var wait = Backoff.AfterFailure(_health.ConsecutiveFailures + 1, _settings.BackoffMin, _settings.BackoffMax, _random);
        _health = _health.Failed(now, error, now + wait);
        Measure(outcome, now);
        MeshLog.DiscoveryFailed(_log, Name, _health.ConsecutiveFailures, wait, error);
        Ran(wait);
    }

    private void Measure(string outcome, DateTimeOffset now)
    {
        _metrics.Runs.WithLabels(Name, outcome).Inc();
        _metrics.RunDuration.WithLabels(Name).Observe(Math.Max(0, (now - (_health.LastRunStarted ?? now)).TotalSeconds));
    }

    private void Ran(TimeSpan wait)
    {
        Timers.StartSingleTimer(NextRunTimer, Tick.Instance, wait);
        _firstRunDone = true;
        Reply(_firstRunWaiters, LatestMessage());
        Reply(_refreshWaiters, new Refreshed(_health));
    }

    private Latest LatestMessage() => new(Name, _tier, _latest);

    private void AddWaiter(List<IActorRef> waiters)
    {
        if (!Sender.IsNobody() && !Sender.Equals(Context.System.DeadLetters))
        {
            waiters.Add(Sender);
        }
    }

    private static void Reply(List<IActorRef> waiters, object message)
    {
        foreach (var waiter in waiters)
        {
            waiter.Tell(message);
        }

        waiters.Clear();
    }

    private string ErrorText(Exception? error) => error switch
    {
        null => $"{Name}: the run failed without an error",
        AggregateException { InnerExceptions.Count: 1 } aggregate => ErrorText(aggregate.InnerException),
        DiscoveryException e => e.Message,
        OperationCanceledException => $"{Name}: the run was cancelled",
        _ => $"{Name}: {error.GetType().Name}: {error.Message}",
    };
}
