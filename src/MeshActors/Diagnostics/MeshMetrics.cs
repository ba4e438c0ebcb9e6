using System.Diagnostics.Metrics;

namespace MeshActors.Diagnostics;

/// <summary>
/// Every metric MeshActors publishes, on one <see cref="Meter"/> named <c>MeshActors</c>. Names
/// follow OpenTelemetry conventions (dots; the Prometheus exporter turns them into
/// <c>meshactors_transport_messages_sent_total</c> and so on). Units are UCUM: <c>By</c>, <c>s</c>.
/// </summary>
public static class MeshMetrics
{
    /// <summary>The meter's name, for <c>MeterListener</c>s and OpenTelemetry's <c>AddMeter</c>.</summary>
    public const string MeterName = "MeshActors";

    private static readonly Meter Meter = new(MeterName, "1.0");

    /// <summary>Messages sent, by <c>type</c> and <c>outcome</c> (ok, refused, unreachable, timeout, too_large, error).</summary>
    public static readonly Counter<long> MessagesSent = Meter.CreateCounter<long>("meshactors.transport.messages.sent", "{message}", "Messages sent to peers");

    /// <summary>Messages received, by <c>type</c> and <c>outcome</c> (ok, rejected, rate_limited, malformed).</summary>
    public static readonly Counter<long> MessagesReceived = Meter.CreateCounter<long>("meshactors.transport.messages.received", "{message}", "Messages received from peers");

    /// <summary>Envelope bytes sent, by <c>type</c>.</summary>
    public static readonly Counter<long> BytesSent = Meter.CreateCounter<long>("meshactors.transport.bytes.sent", "By", "Envelope bytes sent");

    /// <summary>Envelope bytes received, by <c>type</c>.</summary>
    public static readonly Counter<long> BytesReceived = Meter.CreateCounter<long>("meshactors.transport.bytes.received", "By", "Envelope bytes received");

    /// <summary>Handshakes refused, by <c>reason</c> and <c>side</c> (local: this node refused; remote: the peer refused).</summary>
    public static readonly Counter<long> HandshakeRefusals = Meter.CreateCounter<long>("meshactors.transport.handshake.refusals", "{handshake}", "Handshakes refused");

    /// <summary>Request round-trip time, by <c>type</c>.</summary>
    public static readonly Histogram<double> RoundTrip = Meter.CreateHistogram<double>("meshactors.transport.request.duration", "s", "Request round-trip time");

    /// <summary>Members by <c>status</c> (alive, suspect, dead, left), as this node sees them.</summary>
    public static readonly UpDownCounter<long> Members = Meter.CreateUpDownCounter<long>("meshactors.membership.members", "{member}", "Members by status");

    /// <summary>Direct probe round-trip time (ping to ack).</summary>
    public static readonly Histogram<double> ProbeRoundTrip = Meter.CreateHistogram<double>("meshactors.membership.probe.duration", "s", "Probe round-trip time");

    /// <summary>Probes, by <c>outcome</c>: ack (direct), indirect_ack, failed.</summary>
    public static readonly Counter<long> Probes = Meter.CreateCounter<long>("meshactors.membership.probes", "{probe}", "Probes by outcome");

    /// <summary>Indirect probes this node asked for, by <c>outcome</c>: ack, nack, no_answer.</summary>
    public static readonly Counter<long> IndirectProbes = Meter.CreateCounter<long>("meshactors.membership.indirect_probes", "{probe}", "Indirect probes by outcome");

    /// <summary>Suspicions this node applied (<c>raised</c>) and saw refuted (<c>refuted</c>), by <c>event</c>.</summary>
    public static readonly Counter<long> Suspicions = Meter.CreateCounter<long>("meshactors.membership.suspicions", "{suspicion}", "Suspicions raised and refuted");

    /// <summary>Membership messages sent, by <c>type</c> (ping, ack, indirect_ping, nack, gossip, push_pull).</summary>
    public static readonly Counter<long> GossipMessages = Meter.CreateCounter<long>("meshactors.membership.messages.sent", "{message}", "Membership messages sent");

    /// <summary>Membership payload bytes sent, by <c>type</c>.</summary>
    public static readonly Counter<long> GossipBytes = Meter.CreateCounter<long>("meshactors.membership.bytes.sent", "By", "Membership payload bytes sent");

    /// <summary>Full-state push-pull exchanges, by <c>direction</c> (initiated, answered).</summary>
    public static readonly Counter<long> PushPullSyncs = Meter.CreateCounter<long>("meshactors.membership.push_pull", "{sync}", "Push-pull syncs");

    /// <summary>Discovery runs started, by <c>provider</c> (Prometheus: <c>meshactors_discovery_attempts_total</c>).</summary>
    public static readonly Counter<long> DiscoveryAttempts = Meter.CreateCounter<long>("meshactors.discovery.attempts", "{attempt}", "Discovery runs started");

    /// <summary>Discovery runs that succeeded, by <c>provider</c> (<c>meshactors_discovery_successes_total</c>).</summary>
    public static readonly Counter<long> DiscoverySuccesses = Meter.CreateCounter<long>("meshactors.discovery.successes", "{attempt}", "Discovery runs that succeeded");

    /// <summary>How long discovery runs take, by <c>provider</c> and <c>outcome</c> (<c>meshactors_discovery_duration_seconds</c>).</summary>
    public static readonly Histogram<double> DiscoveryDuration = Meter.CreateHistogram<double>("meshactors.discovery.duration", "s", "Discovery run duration");

    /// <summary>Contact points found by each <c>provider</c>'s last successful run (<c>meshactors_discovery_peers</c>).</summary>
    public static readonly Gauge<long> PeersDiscovered = Meter.CreateGauge<long>("meshactors.discovery.peers", "{peer}", "Contact points found by the last run");

    /// <summary>Bootstrap probes of contact points, by <c>outcome</c> (answered, failed).</summary>
    public static readonly Counter<long> BootstrapProbes = Meter.CreateCounter<long>("meshactors.discovery.bootstrap.probes", "{probe}", "Bootstrap probes of contact points");
}
