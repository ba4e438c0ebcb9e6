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
        LeadershipTransitions = factory.CreateCounter("meshactors_leadership_transitions_total", "Changes of a scope's leader this node observed, by scope and kind (elected: a new term; vacant: no leader).", "scope", "kind");
        ElectionDuration = factory.CreateHistogram("meshactors_leadership_election_duration_seconds", "How long a scope had no leader, as this node observed it: from the first read that showed no live term to the first that showed a new one.",
            new HistogramConfiguration { LabelNames = ["scope"], Buckets = [0.1, 0.25, 0.5, 1, 1.5, 2, 3, 5, 10, 30] });
        SplitBrainDetections = factory.CreateCounter("meshactors_leadership_split_brain_detections_total", "Times this node held a lease by its own safe deadline while the store named a later term: two holders at once. A correct store and clock-skew margin keep it at 0.", "scope");
        IsLeader = factory.CreateGauge("meshactors_leadership_is_leader", "1 while this node leads the scope.", "scope");
        ShardTableVersion = factory.CreateGauge("meshactors_sharding_table_version", "The version of each namespace's shard table this node holds.", "namespace");
        ShardMoves = factory.CreateCounter("meshactors_sharding_moved_shards_total", "Shards whose owner changed in versions this node wrote as leader, by namespace.", "namespace");
        RebalancePlanTransitions = factory.CreateCounter("meshactors_sharding_plan_transitions_total", "Rebalance plan transitions on this node as leader (steady, investigating, draining, rebalancing, completed).", "namespace", "from", "to");
        LeaderFencingToken = factory.CreateGauge("meshactors_leadership_fencing_token", "The fencing token of the scope's current term as this node knows it (0: no leader).", "scope");
    }

    /// <summary><c>meshactors_sharding_table_version{namespace}</c>.</summary>
    public Gauge ShardTableVersion { get; }

    /// <summary><c>meshactors_sharding_moved_shards_total{namespace}</c>.</summary>
    public Counter ShardMoves { get; }

    /// <summary><c>meshactors_sharding_plan_transitions_total{namespace,from,to}</c>.</summary>
    public Counter RebalancePlanTransitions { get; }

    /// <summary><c>meshactors_leadership_transitions_total{scope,kind}</c>.</summary>
    public Counter LeadershipTransitions { get; }

    /// <summary><c>meshactors_leadership_election_duration_seconds{scope}</c>.</summary>
    public Histogram ElectionDuration { get; }

    /// <summary><c>meshactors_leadership_split_brain_detections_total{scope}</c>.</summary>
    public Counter SplitBrainDetections { get; }

    /// <summary><c>meshactors_leadership_is_leader{scope}</c>.</summary>
    public Gauge IsLeader { get; }

    /// <summary><c>meshactors_leadership_fencing_token{scope}</c>.</summary>
    public Gauge LeaderFencingToken { get; }

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
