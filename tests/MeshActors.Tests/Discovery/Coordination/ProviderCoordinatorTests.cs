using Akka.Actor;
using Akka.TestKit;
using MeshActors.Diagnostics;
using MeshActors.Discovery;
using MeshActors.Discovery.Coordination;
using MeshActors.Randomness;
using Microsoft.Extensions.Logging.Abstractions;
using Prometheus;
using static MeshActors.Discovery.Coordination.ProviderCoordinator.Protocol;

namespace MeshActors.Tests.Discovery.Coordination;

/// <summary>The coordinator's schedule, backoff, timeout, health and metrics, in virtual time.</summary>
public sealed class ProviderCoordinatorTests : global::Akka.TestKit.Xunit2.TestKit
{
    private static readonly TimeSpan Refresh = TimeSpan.FromSeconds(30);
    private static readonly CoordinatorSettings Settings = new(RunTimeout: TimeSpan.FromSeconds(5), BackoffMin: TimeSpan.FromSeconds(1), BackoffMax: TimeSpan.FromSeconds(8), MinRefresh: TimeSpan.FromSeconds(2));
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private readonly ScriptedProvider _provider = new("p");
    private readonly DiscoveryMetrics _metrics = new(Metrics.NewCustomRegistry());

    public ProviderCoordinatorTests()
        : base("akka.scheduler.implementation = \"Akka.TestKit.TestScheduler, Akka.TestKit\"")
    {
    }

    private TestScheduler Clock => (TestScheduler)Sys.Scheduler;

    [Fact]
    public async Task Starts_the_provider_once_runs_at_once_then_every_refresh_interval()
    {
        _provider.Then("10.0.0.1:7946");
        _provider.Then("10.0.0.2:7946");
        var t0 = Clock.Now;
        var coordinator = Start();

        var first = await Health(coordinator, h => h.Runs == 1);
        first.State.Should().Be(ProviderState.Ok);
        first.LastRunStarted.Should().Be(t0);
        first.LastSuccess.Should().Be(t0);
        first.NextRun.Should().Be(t0 + Refresh);
        first.Targets.Select(t => (t.Address.ToString(), t.Source)).Should().Equal(("10.0.0.1:7946", "script 10.0.0.1:7946"));

        Clock.Advance(Refresh - TimeSpan.FromMilliseconds(1));
        (await coordinator.Ask<ProviderHealth>(GetHealth.Instance, Wait)).LastRunStarted.Should().Be(t0, "the refresh interval has not passed");
        _provider.Runs.Should().Be(1);

        Clock.Advance(TimeSpan.FromMilliseconds(1));
        var second = await Health(coordinator, h => h.Runs == 2);
        second.LastRunStarted.Should().Be(t0 + Refresh);
        second.Targets.Single().Address.ToString().Should().Be("10.0.0.2:7946");
        _provider.Starts.Should().Be(1);
    }

    [Fact]
    public async Task A_short_validity_is_kept_between_min_refresh_and_the_refresh_interval()
    {
        _provider.Steps.Enqueue(_ => Task.FromResult(new DiscoveryResult([], TimeSpan.Zero)));
        var t0 = Clock.Now;
        var coordinator = Start();

        (await Health(coordinator, h => h.Runs == 1)).NextRun.Should().Be(t0 + Settings.MinRefresh);
    }

    [Fact]
    public async Task Failures_back_off_exponentially_with_jitter_up_to_the_cap_and_a_success_resets()
    {
        for (var i = 0; i < 6; i++)
        {
            _provider.ThenFail($"down {i}");
        }

        _provider.Then("10.0.0.1:7946");
        var coordinator = Start();
        for (var failures = 1; failures <= 6; failures++)
        {
            var health = await Health(coordinator, h => h.ConsecutiveFailures == failures);
            health.State.Should().Be(ProviderState.Failing);
            health.LastError.Should().Be($"p: down {failures - 1}");
            var wait = health.NextRun!.Value - health.LastRunEnded!.Value;
            var ceiling = TimeSpan.FromSeconds(Math.Min(Math.Pow(2, failures - 1), 8));
            wait.Should().BeGreaterThanOrEqualTo(ceiling / 2).And.BeLessThanOrEqualTo(ceiling, $"after {failures} failure(s)");

            Clock.Advance(wait - TimeSpan.FromMilliseconds(1));
            (await coordinator.Ask<ProviderHealth>(GetHealth.Instance, Wait)).Runs.Should().Be(failures, "the backoff has not passed");
            Clock.Advance(TimeSpan.FromMilliseconds(1));
        }

        var recovered = await Health(coordinator, h => h.State == ProviderState.Ok);
        recovered.ConsecutiveFailures.Should().Be(0);
        recovered.Failures.Should().Be(6);
        recovered.Runs.Should().Be(7);
        recovered.LastError.Should().Be("p: down 5", "the last error stays visible after a recovery");
        recovered.NextRun.Should().Be(recovered.LastSuccess + Refresh);
    }

    [Fact]
    public async Task A_run_past_the_timeout_fails_and_the_next_waits_until_it_has_returned()
    {
        var hung = _provider.ThenHang();
        _provider.Then("10.0.0.9:7946");
        var coordinator = Start();
        await AwaitConditionAsync(() => Task.FromResult(_provider.Runs == 1), Wait);

        Clock.Advance(Settings.RunTimeout);
        var timedOut = await Health(coordinator, h => h.State == ProviderState.Failing);
        timedOut.LastError.Should().Contain("run-timeout");
        Count("p", "timeout").Should().Be(1);

        Clock.Advance(Settings.BackoffMax);
        (await coordinator.Ask<ProviderHealth>(GetHealth.Instance, Wait)).Runs.Should().Be(1);
        _provider.Runs.Should().Be(1, "the abandoned run has not returned");

        hung.SetResult(DiscoveryResult.Empty);
        var next = await Health(coordinator, h => h.State == ProviderState.Ok);
        next.Targets.Single().Address.ToString().Should().Be("10.0.0.9:7946", "the late answer of the timed-out run is not used");
        _provider.Overlaps.Should().Be(0);
    }

    [Fact]
    public async Task Refresh_now_runs_at_once_but_never_beside_a_run_in_flight()
    {
        _provider.Then("10.0.0.1:7946");
        var coordinator = Start();
        await Health(coordinator, h => h.Runs == 1);

        var hung = _provider.ThenHang();
        var refreshed = coordinator.Ask<Refreshed>(RefreshNow.Instance, Wait);
        await AwaitConditionAsync(() => Task.FromResult(_provider.Runs == 2), Wait);
        coordinator.Tell(RefreshNow.Instance);
        (await coordinator.Ask<ProviderHealth>(GetHealth.Instance, Wait)).Runs.Should().Be(1);
        _provider.Runs.Should().Be(2);

        hung.SetResult(DiscoveryResult.Empty);
        (await refreshed).Health.Runs.Should().Be(2);
        _provider.Overlaps.Should().Be(0);
    }

    [Fact]
    public async Task Latest_is_none_until_a_success_and_a_failure_keeps_the_last_success()
    {
        var hung = _provider.ThenHang();
        _provider.ThenFail("down");
        var coordinator = Start();
        (await coordinator.Ask<Latest>(GetLatest.Instance, Wait)).Result.Should().BeNull();
        var first = coordinator.Ask<Latest>(AwaitFirstRun.Instance, Wait);
        first.IsCompleted.Should().BeFalse();

        hung.SetResult(new DiscoveryResult([new ContactPoint(NodeAddress.Parse("10.0.0.1:7946"), "p")]));
        (await first).Result!.ContactPoints.Should().ContainSingle();

        Clock.Advance(Refresh);
        await Health(coordinator, h => h.State == ProviderState.Failing);
        (await coordinator.Ask<Latest>(GetLatest.Instance, Wait)).Result!.ContactPoints.Single().Address.ToString().Should().Be("10.0.0.1:7946");
    }

    [Fact]
    public async Task Records_runs_targets_duration_and_last_success_by_provider()
    {
        _provider.Then("10.0.0.1:7946", "10.0.0.2:7946");
        _provider.ThenFail("down");
        var coordinator = Start();
        var ok = await Health(coordinator, h => h.Runs == 1);
        Clock.Advance(Refresh);
        await Health(coordinator, h => h.Runs == 2);

        Count("p", "ok").Should().Be(1);
        Count("p", "error").Should().Be(1);
        Count("p", "timeout").Should().Be(0);
        _metrics.Targets.WithLabels("p").Value.Should().Be(2);
        _metrics.LastSuccess.WithLabels("p").Value.Should().Be(ok.LastSuccess!.Value.ToUnixTimeMilliseconds() / 1000.0);
        _metrics.RunDuration.WithLabels("p").Count.Should().Be(2);
        var text = await Export();
        text.Should().Contain("meshactors_discovery_runs_total{provider=\"p\",outcome=\"ok\"} 1")
            .And.Contain("meshactors_discovery_targets{provider=\"p\"} 2")
            .And.Contain("meshactors_discovery_run_duration_seconds_count{provider=\"p\"} 2")
            .And.Contain("meshactors_discovery_last_success_timestamp_seconds{provider=\"p\"}");
    }

    [Fact]
    public async Task Stopping_the_coordinator_disposes_its_provider()
    {
        var coordinator = Start();
        await Health(coordinator, h => h.Runs == 1);
        _provider.Disposed.Should().BeFalse();

        Watch(coordinator);
        Sys.Stop(coordinator);
        ExpectTerminated(coordinator);
        _provider.Disposed.Should().BeTrue();
    }

    private IActorRef Start() =>
        Sys.ActorOf(ProviderCoordinator.Props(new ProviderRegistration(_provider, DiscoveryTier.Dns, Refresh), Settings, _metrics, new SeededRandomSource(7), NullLoggerFactory.Instance));

    private async Task<ProviderHealth> Health(IActorRef coordinator, Func<ProviderHealth, bool> condition)
    {
        ProviderHealth? health = null;
        await AwaitConditionAsync(async () => condition(health = await coordinator.Ask<ProviderHealth>(GetHealth.Instance, Wait)), Wait);
        return health!;
    }

    private double Count(string provider, string outcome) => _metrics.Runs.WithLabels(provider, outcome).Value;

    private async Task<string> Export()
    {
        using var stream = new MemoryStream();
        await _metrics.Registry.CollectAndExportAsTextAsync(stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
