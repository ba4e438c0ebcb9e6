using MeshActors.Actors;
using MeshActors.Diagnostics;

namespace MeshActors.Discovery;

/// <summary>
/// Runs one provider on its schedule: one run at a time, the next after the refresh interval (or
/// the answer's shorter validity, e.g. a DNS TTL), after failures an exponential backoff. Each
/// run's contact points go to the bootstrap coordinator; its health goes to the board; its
/// attempts, successes, durations and counts go to the metrics.
/// </summary>
internal sealed class DiscoveryCoordinator : Actor<DiscoveryCoordinator.Message>
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan MinRefresh = TimeSpan.FromSeconds(1);
    private readonly ProviderRegistration _registration;
    private readonly Action<ContactPointsFound> _found;
    private readonly DiscoveryBoard _board;
    private readonly TimeSpan _backoffMin;
    private readonly TimeSpan _backoffMax;
    private ProviderHealth _health;
    private CancellationTokenSource? _run;

    public DiscoveryCoordinator(ProviderRegistration registration, Action<ContactPointsFound> found, DiscoveryBoard board, TimeSpan backoffMin, TimeSpan backoffMax)
    {
        _registration = registration;
        _found = found;
        _board = board;
        _backoffMin = backoffMin;
        _backoffMax = backoffMax;
        _health = new ProviderHealth(Name, registration.Tier, true, 0, null, null, null, 0, [], null, 0, null);
    }

    /// <summary>Base of the coordinator's messages (all private: it drives itself).</summary>
    public abstract record Message;

    private string Name => _registration.Provider.Name;

    private KeyValuePair<string, object?> Tag => new("provider", Name);

    protected override void PreStart()
    {
        _board.Set(_health);
        var self = Context.Self;
        _registration.Provider.StartAsync(CancellationToken.None).ContinueWith(
            t => self.Tell(new Started(t.Exception?.GetBaseException())),
            TaskContinuationOptions.ExecuteSynchronously);
    }

    protected override void PostStop() => _run?.Cancel();

    protected override void Handle(Message message)
    {
        switch (message)
        {
            case Started { Error: { } error }:
                Finish(null, error, TimeSpan.Zero);
                break;
            case Started or RunTick:
                Run();
                break;
            case RunFinished finished:
                _run?.Dispose();
                _run = null;
                Finish(finished.Result, finished.Error, finished.Elapsed);
                break;
        }
    }

    private void Run()
    {
        MeshMetrics.DiscoveryAttempts.Add(1, Tag);
        _health = _health with { NextRun = null };
        _board.Set(_health);
        _run = new CancellationTokenSource(RunTimeout);
        var self = Context.Self;
        var time = Context.Time;
        var started = time.GetTimestamp();
        Task<DiscoveryResult> task;
        try
        {
            task = _registration.Provider.DiscoverAsync(_run.Token);
        }
        catch (Exception ex)
        {
            task = Task.FromException<DiscoveryResult>(ex);
        }

        task.ContinueWith(
            t => self.Tell(new RunFinished(t.IsCompletedSuccessfully ? t.Result : null, t.IsCompletedSuccessfully ? null : Failure(t), time.GetElapsedTime(started))),
            TaskContinuationOptions.ExecuteSynchronously);
    }

    private Exception Failure(Task task) => task.IsCanceled
        ? new DiscoveryException($"{Name}: no answer within {RunTimeout.TotalSeconds:0}s; the run was cancelled")
        : task.Exception!.GetBaseException();

    private void Finish(DiscoveryResult? result, Exception? error, TimeSpan elapsed)
    {
        var now = Context.Time.GetUtcNow();
        MeshMetrics.DiscoveryDuration.Record(elapsed.TotalSeconds, Tag, new("outcome", result is null ? "failure" : "success"));
        TimeSpan next;
        if (result is not null)
        {
            MeshMetrics.DiscoverySuccesses.Add(1, Tag);
            MeshMetrics.PeersDiscovered.Record(result.ContactPoints.Count, Tag);
            if (_health.ConsecutiveFailures > 0)
            {
                MeshLog.DiscoveryRecovered(Context.Log, Name, _health.ConsecutiveFailures);
            }

            if (_health.Runs == 0 || !SameAddresses(_health.ContactPoints, result.ContactPoints))
            {
                MeshLog.DiscoveryFound(Context.Log, Name, result.ContactPoints.Count, elapsed, string.Join(", ", result.ContactPoints.Select(c => c.Address)));
            }

            var refresh = _registration.RefreshInterval;
            next = result.ValidFor is { } valid && valid < refresh ? (valid < MinRefresh ? MinRefresh : valid) : refresh;
            _health = _health with
            {
                TargetsFound = result.ContactPoints.Count,
                ContactPoints = result.ContactPoints,
                LastError = null,
                ConsecutiveFailures = 0,
                FirstContactAfter = _health.FirstContactAfter ?? (result.ContactPoints.Count > 0 ? now - _board.StartedAt : null),
            };
        }
        else
        {
            var failures = _health.ConsecutiveFailures + 1;
            next = Bootstrap.DialBackoff.Delay(failures, _backoffMin, _backoffMax, Context.Random.NextDouble());
            var text = error is DiscoveryException ? error.Message : $"{Name}: {error!.GetType().Name}: {error.Message}";
            MeshLog.DiscoveryFailed(Context.Log, Name, failures, next, text);
            _health = _health with { LastError = text, ConsecutiveFailures = failures };
        }

        _health = _health with { Runs = _health.Runs + 1, LastRun = now, LastDuration = elapsed, NextRun = now + next };
        _board.Set(_health);
        _found(new ContactPointsFound(Name, _registration.Tier, result?.ContactPoints));
        Context.Timers.StartSingle(RunTick.Instance, RunTick.Instance, next);
    }

    private static bool SameAddresses(IReadOnlyList<ContactPoint> a, IReadOnlyList<ContactPoint> b) =>
        a.Select(c => c.Address).ToHashSet().SetEquals(b.Select(c => c.Address));

    private sealed record Started(Exception? Error) : Message;

    private sealed record RunTick : Message
    {
        public static readonly RunTick Instance = new();
    }

    private sealed record RunFinished(DiscoveryResult? Result, Exception? Error, TimeSpan Elapsed) : Message;
}
