using Prometheus;

namespace MeshActors.Events.Delivery;

/// <summary>
/// The event plane's metrics, created in a node's registry (<c>NodeMetrics.Registry</c>) so they
/// appear on its <c>GET /metrics</c>. Wire messages and bytes are counted by kind
/// (<c>gossip</c>, <c>ihave</c>, <c>graft</c>, <c>prune</c>, <c>certificate-missing</c>,
/// <c>certificate</c>); <see cref="RelayPayloadBytes"/> is the cost of relaying for nodes that did
/// not ask for an event.
/// </summary>
public sealed class EventMetrics
{
    /// <summary>Creates (or reuses) the metrics in <paramref name="registry"/>.</summary>
    public EventMetrics(CollectorRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var factory = Metrics.WithCustomRegistry(registry);
        Published = factory.CreateCounter("meshactors_events_published_total", "Events this node published.");
        Delivered = factory.CreateCounter("meshactors_events_delivered_total", "Admitted events handed to local subscribers, once per subscriber.");
        Relayed = factory.CreateCounter("meshactors_events_relayed_total", "Admitted events no local subscription matched: carried only to pass them on.");
        Dropped = factory.CreateCounter("meshactors_events_dropped_total", "Events or wire messages refused, by reason (malformed, oversized, unknown-topic, too-old, from-the-future, replayed, bad-signature, unknown-source, spoofed-sender, ihave-flood).", "reason");
        Duplicates = factory.CreateCounter("meshactors_events_duplicates_total", "Second copies of events already received (the cost of the lazy links and of tree repair).");
        WireMessages = factory.CreateCounter("meshactors_events_wire_messages_sent_total", "Event wire messages sent to neighbours, by kind.", "kind");
        WireBytes = factory.CreateCounter("meshactors_events_wire_bytes_sent_total", "Serialized bytes of event wire messages sent to neighbours, by kind.", "kind");
        RelayPayloadBytes = factory.CreateCounter("meshactors_events_relay_payload_bytes_total", "Envelope bytes this node forwarded for events none of its subscriptions matched.");
        SubscriberDropped = factory.CreateCounter("meshactors_events_subscriber_dropped_total", "Events dropped (oldest first) because a subscriber's buffer was full.");
        CertificatesAttached = factory.CreateCounter("meshactors_events_certificates_sent_total", "Source certificates sent along with gossip or on request.");
    }

    /// <summary><c>meshactors_events_published_total</c>.</summary>
    public Counter Published { get; }

    /// <summary><c>meshactors_events_delivered_total</c>.</summary>
    public Counter Delivered { get; }

    /// <summary><c>meshactors_events_relayed_total</c>.</summary>
    public Counter Relayed { get; }

    /// <summary><c>meshactors_events_dropped_total{reason}</c>.</summary>
    public Counter Dropped { get; }

    /// <summary><c>meshactors_events_duplicates_total</c>.</summary>
    public Counter Duplicates { get; }

    /// <summary><c>meshactors_events_wire_messages_sent_total{kind}</c>.</summary>
    public Counter WireMessages { get; }

    /// <summary><c>meshactors_events_wire_bytes_sent_total{kind}</c>.</summary>
    public Counter WireBytes { get; }

    /// <summary><c>meshactors_events_relay_payload_bytes_total</c>.</summary>
    public Counter RelayPayloadBytes { get; }

    /// <summary><c>meshactors_events_subscriber_dropped_total</c>.</summary>
    public Counter SubscriberDropped { get; }

    /// <summary><c>meshactors_events_certificates_sent_total</c>.</summary>
    public Counter CertificatesAttached { get; }

    /// <summary>The <c>kind</c> label of a wire message.</summary>
    public static string KindOf(IEventWire message) => message switch
    {
        EventGossip => "gossip",
        EventIHave => "ihave",
        EventIHaveBatch => "ihave-batch",
        EventGraft => "graft",
        EventPrune => "prune",
        EventCertificateMissing => "certificate-missing",
        _ => "certificate",
    };
}
