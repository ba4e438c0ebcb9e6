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
}
