using Prometheus;

namespace MeshActors.Diagnostics;

/// <summary>
/// Every metric one MeshActors node publishes, in a registry of its own (several nodes may share a
/// process in tests), exported at <c>GET /metrics</c> in Prometheus text format by prometheus-net.
/// Gauges that mirror the member list are refreshed just before each scrape.
/// </summary>
public sealed class NodeMetrics
{
    /// <summary>Creates the node's registry and metrics.</summary>
    public NodeMetrics()
    {
        Registry = Metrics.NewCustomRegistry();
        var factory = Metrics.WithCustomRegistry(Registry);
        Members = factory.CreateGauge("meshactors_members", "Cluster members this node sees, by Akka member status.", "status");
        UnreachableMembers = factory.CreateGauge("meshactors_unreachable_members", "Members this node's failure detector (or gossip) marks unreachable.");
        TlsRefusals = factory.CreateCounter("meshactors_tls_refusals_total", "TLS handshakes this node refused, by reason.", "reason");
        RemotingEvents = factory.CreateCounter("meshactors_remoting_events_total", "Akka.Remote association lifecycle events (associated, disassociated, error), by event.", "event");
        MemberEvents = factory.CreateCounter("meshactors_member_events_total", "Membership events seen by this node, by event.", "event");
        ForeignMembers = factory.CreateGauge("meshactors_discovery_foreign_members", "Members of another cluster with this cluster's id that the split check found (Akka never merges two clusters).");
        BootstrapProbes = factory.CreateCounter("meshactors_discovery_bootstrap_probes_total", "Probes of contact points' bootstrap endpoints, by outcome (ok, error).", "outcome");
    }

    /// <summary>The registry <c>/metrics</c> exports.</summary>
    public CollectorRegistry Registry { get; }

    /// <summary><c>meshactors_members{status}</c>.</summary>
    public Gauge Members { get; }

    /// <summary><c>meshactors_unreachable_members</c>.</summary>
    public Gauge UnreachableMembers { get; }

    /// <summary><c>meshactors_tls_refusals_total{reason}</c>.</summary>
    public Counter TlsRefusals { get; }

    /// <summary><c>meshactors_remoting_events_total{event}</c>.</summary>
    public Counter RemotingEvents { get; }

    /// <summary><c>meshactors_member_events_total{event}</c>.</summary>
    public Counter MemberEvents { get; }

    /// <summary><c>meshactors_discovery_foreign_members</c>.</summary>
    public Gauge ForeignMembers { get; }

    /// <summary><c>meshactors_discovery_bootstrap_probes_total{outcome}</c>.</summary>
    public Counter BootstrapProbes { get; }
}
