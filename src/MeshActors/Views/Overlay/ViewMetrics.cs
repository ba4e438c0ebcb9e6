using MeshActors.Diagnostics;
using Prometheus;

namespace MeshActors.Views.Overlay;

/// <summary>The overlay's metrics, in the node's registry (<c>GET /metrics</c>).</summary>
internal sealed class ViewMetrics
{
    public ViewMetrics(NodeMetrics node)
    {
        var factory = Metrics.WithCustomRegistry(node.Registry);
        ViewSize = factory.CreateGauge("meshactors_overlay_view_size", "Peers in this node's overlay views, by view (active, passive, pending).", "view");
        Promotions = factory.CreateCounter("meshactors_overlay_promotions_total", "Peers that entered the active view, by how (join, forward_join, neighbor, accepted).", "how");
        Prunes = factory.CreateCounter("meshactors_overlay_prunes_total", "Active peers this node removed on purpose, by reason (max_peers, subnet, score, evicted).", "reason");
        Failures = factory.CreateCounter("meshactors_overlay_peer_failures_total", "Active peers or requests that failed, by cause (disassociated, terminated, ping_timeout, request_timeout).", "cause");
        Bans = factory.CreateCounter("meshactors_overlay_bans_total", "Peers banned after their score fell below the prune threshold.");
        PexRequests = factory.CreateCounter("meshactors_overlay_pex_requests_total", "Peer-exchange requests this node answered, by outcome (served, refused).", "outcome");
        PexRefused = factory.CreateCounter("meshactors_overlay_pex_entries_refused_total", "Peer-exchange entries or answers this node refused, by reason (oversized, bad_node_id, bad_address, self, duplicate, banned).", "reason");
        InboundRefused = factory.CreateCounter("meshactors_overlay_inbound_refused_total", "Join and neighbour requests refused, by reason (rate, subnet, banned).", "reason");
        Dropped = factory.CreateCounter("meshactors_overlay_messages_dropped_total", "Overlay messages dropped on receipt, by reason (address_mismatch, banned, bad_peer, one_sided_link: a ping from a peer not in the active view, answered with Disconnect).", "reason");
        MessagesSent = factory.CreateCounter("meshactors_overlay_messages_sent_total", "Overlay messages sent, by kind.", "kind");
        BytesSent = factory.CreateCounter("meshactors_overlay_bytes_sent_total", "Encoded bytes of the overlay messages sent, by kind (Akka.Remote's framing not included).", "kind");
        RoundTrip = factory.CreateHistogram("meshactors_overlay_ping_rtt_seconds", "PING/PONG round trips to active neighbours.",
            new HistogramConfiguration { Buckets = [0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1] });
    }

    public Gauge ViewSize { get; }

    public Counter Promotions { get; }

    public Counter Prunes { get; }

    public Counter Failures { get; }

    public Counter Bans { get; }

    public Counter PexRequests { get; }

    public Counter PexRefused { get; }

    public Counter InboundRefused { get; }

    public Counter Dropped { get; }

    public Counter MessagesSent { get; }

    public Counter BytesSent { get; }

    public Histogram RoundTrip { get; }
}
