using System.Collections.Immutable;
using Akka.Actor;
using Akka.Event;
using Akka.Management.Cluster.Bootstrap;
using static Akka.Discovery.ServiceDiscovery;
using static Akka.Management.Cluster.Bootstrap.Internal.BootstrapCoordinator.Protocol;

namespace MeshActors.Bootstrap;

/// <summary>
/// Probes one contact point's bootstrap endpoint over mutual TLS, as Akka Management's
/// <c>HttpContactPointBootstrap</c> does over plain HTTP: every probe interval (with jitter) it asks
/// for the seed nodes and tells its parent, the bootstrap coordinator, what it heard; when probes
/// keep failing past <c>probing-failure-timeout</c> beyond the interval, it reports
/// <see cref="ProbingFailed"/> and stops, so a contact point that went away is dropped.
/// </summary>
internal sealed class SecureContactPointProbe : ReceiveActor, IWithTimers
{
    private const string TimerKey = "probe";
    private readonly ClusterBootstrapSettings _settings;
    private readonly ResolvedTarget _contactPoint;
    private readonly MeshActors.Discovery.NodeAddress _endpoint;
    private readonly Uri _baseUri;
    private readonly BootstrapClient _client;
    private readonly BootstrapStatus _status;
    private readonly MeshActors.Diagnostics.NodeMetrics _metrics;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private DateTimeOffset _failingDeadline;

    public SecureContactPointProbe(ClusterBootstrapSettings settings, ResolvedTarget contactPoint, MeshActors.Discovery.NodeAddress endpoint, BootstrapClient client, BootstrapStatus status, MeshActors.Diagnostics.NodeMetrics metrics)
    {
        (_settings, _contactPoint, _endpoint, _client, _status, _metrics) = (settings, contactPoint, endpoint, client, status, metrics);
        _baseUri = client.BaseUri(endpoint);
        ResetDeadline();
        Receive<Tick>(_ => _client.SeedNodesAsync(_baseUri, _stopping.Token).PipeTo(Self, failure: ex => new Failed(ex)));
        Receive<SeedNodesResponse>(OnAnswer);
        Receive<Failed>(OnFailure);
    }

    public ITimerScheduler Timers { get; set; } = null!;

    protected override void PreStart() => Self.Tell(Tick.Instance);

    protected override void PostStop()
    {
        _stopping.Cancel();
        _stopping.Dispose();
    }

    private void OnAnswer(SeedNodesResponse answer)
    {
        _metrics.BootstrapProbes.WithLabels("ok").Inc();
        var seeds = answer.SeedNodes.Select(s => Address.Parse(s.Node)).ToImmutableHashSet();
        _status.Probed(new ContactPointState(_endpoint.Host, _endpoint.Port, _contactPoint.Host, DateTimeOffset.UtcNow, answer.SelfNode, answer.NodeId, [.. answer.SeedNodes.Select(s => s.Node)], null));
        Context.Parent.Tell(new ObtainedSeedNodesObservation(DateTimeOffset.Now, _contactPoint, Address.Parse(answer.SelfNode), seeds));
        ResetDeadline();
        ScheduleNext();
    }

    private void OnFailure(Failed failed)
    {
        _metrics.BootstrapProbes.WithLabels("error").Inc();
        var cause = failed.Cause is AggregateException { InnerException: { } inner } ? inner : failed.Cause;
        var previous = _status.Current.ContactPoints.GetValueOrDefault(_endpoint.ToString());
        _status.Probed(new ContactPointState(_endpoint.Host, _endpoint.Port, _contactPoint.Host, DateTimeOffset.UtcNow, previous?.SelfNode, previous?.NodeId, previous?.SeedNodes ?? [], cause.Message));
        _log.Debug("Probing {0} failed: {1}", _baseUri, cause.Message);
        if (DateTimeOffset.UtcNow > _failingDeadline)
        {
            _log.Info("Probing {0} kept failing past probing-failure-timeout; dropping it until discovery yields it again ({1})", _baseUri, cause.Message);
            Context.Parent.Tell(new ProbingFailed(_contactPoint, cause));
            Context.Stop(Self);
            return;
        }

        ScheduleNext();
    }

    private void ResetDeadline() => _failingDeadline = DateTimeOffset.UtcNow + _settings.ContactPoint.ProbeInterval + _settings.ContactPoint.ProbingFailureTimeout;

    private void ScheduleNext()
    {
        var interval = _settings.ContactPoint.ProbeInterval;
        var jitter = TimeSpan.FromTicks((long)(interval.Ticks * _settings.ContactPoint.ProbeIntervalJitter * Random.Shared.NextDouble()));
        Timers.StartSingleTimer(TimerKey, Tick.Instance, interval + jitter);
    }

    private sealed class Tick
    {
        public static readonly Tick Instance = new();
    }

    private sealed record Failed(Exception Cause);
}
