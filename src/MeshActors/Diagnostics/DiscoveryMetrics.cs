using Prometheus;

namespace MeshActors.Diagnostics;

/// <summary>
/// The discovery coordinators' metrics, by provider, created in a given registry: a node passes
/// its <see cref="NodeMetrics.Registry"/> so they appear on its <c>GET /metrics</c> beside the
/// node's own; a plain Akka.NET application gets a registry of its own
/// (<c>MeshDiscovery.Get(system).MetricsRegistry</c>).
/// </summary>
public sealed class DiscoveryMetrics
{
    /// <summary>Creates (or, when the registry has them already, reuses) the metrics in <paramref name="registry"/>.</summary>
    public DiscoveryMetrics(CollectorRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        Registry = registry;
        var factory = Metrics.WithCustomRegistry(registry);
        Runs = factory.CreateCounter("meshactors_discovery_runs_total", "Discovery provider runs, by provider and outcome (ok, error, timeout).", "provider", "outcome");
        Targets = factory.CreateGauge("meshactors_discovery_targets", "Contact points the provider's last successful run found.", "provider");
        RunDuration = factory.CreateHistogram(
            "meshactors_discovery_run_duration_seconds",
            "How long a discovery provider run took, in seconds (timed-out runs count the timeout).",
            new HistogramConfiguration { LabelNames = ["provider"], Buckets = Histogram.ExponentialBuckets(0.001, 4, 9) });
        LastSuccess = factory.CreateGauge("meshactors_discovery_last_success_timestamp_seconds", "When the provider last ran successfully, in Unix seconds; 0 before its first success.", "provider");
    }

    /// <summary>The registry the metrics live in.</summary>
    public CollectorRegistry Registry { get; }

    /// <summary><c>meshactors_discovery_runs_total{provider,outcome}</c>; outcome is <c>ok</c>, <c>error</c> or <c>timeout</c>.</summary>
    public Counter Runs { get; }

    /// <summary><c>meshactors_discovery_targets{provider}</c>.</summary>
    public Gauge Targets { get; }

    /// <summary><c>meshactors_discovery_run_duration_seconds{provider}</c>.</summary>
    public Histogram RunDuration { get; }

    /// <summary><c>meshactors_discovery_last_success_timestamp_seconds{provider}</c>.</summary>
    public Gauge LastSuccess { get; }
}
