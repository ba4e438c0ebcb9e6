using Google.Protobuf;
using MeshActors.Diagnostics;
using MeshActors.Transport.Wire;
using Microsoft.AspNetCore.Http;

namespace MeshActors.Transport.Http2;

/// <summary>Envelopes from admitted peers.</summary>
internal sealed partial class MeshListener
{
    private async Task OnEnvelopeAsync(HttpContext http)
    {
        if (!_sessions.TryGet(http.Request.Headers[WireRoutes.SessionHeader], out var session) || !await SameCertificateAsync(http, session).ConfigureAwait(false))
        {
            Received("unknown", "rejected");
            await PlainAsync(http, StatusCodes.Status401Unauthorized, "no session: send a Hello first").ConfigureAwait(false);
            return;
        }

        if (!session.TryTakeToken(options.Time))
        {
            Received("unknown", "rate_limited");
            await PlainAsync(http, StatusCodes.Status429TooManyRequests, $"over {options.InboundRatePerPeer} messages/s").ConfigureAwait(false);
            return;
        }

        var body = await BodyReader.ReadAsync(http.Request, options.MaxMessageSize).ConfigureAwait(false);
        if (body is null)
        {
            Received("unknown", "too_large");
            await PlainAsync(http, StatusCodes.Status413PayloadTooLarge, $"over the limit of {options.MaxMessageSize} bytes").ConfigureAwait(false);
            return;
        }

        var decoded = EnvelopeCodec.Decode(body, options.MaxMessageSize);
        if (!decoded.IsSuccess || decoded.Envelope!.Kind == EnvelopeKind.Response)
        {
            Received("unknown", "malformed");
            await PlainAsync(http, StatusCodes.Status400BadRequest, decoded.Error ?? "a response cannot be sent as a request").ConfigureAwait(false);
            return;
        }

        var type = decoded.Payload!.Descriptor.Name;
        Received(type, "ok");
        MeshMetrics.BytesReceived.Add(body.Length, new KeyValuePair<string, object?>("type", type));
        connections.TryGet(http.Connection.Id, out var connection);
        if (connection is not null)
        {
            connection.PeerNodeId ??= session.Peer.NodeId;
            Interlocked.Increment(ref connection.MessagesIn);
        }

        if (decoded.Envelope.Kind == EnvelopeKind.OneWay)
        {
            _receiver(new InboundMessage(session.Peer, decoded.Payload, null));
            http.Response.StatusCode = StatusCodes.Status202Accepted;
            return;
        }

        var reply = new TaskCompletionSource<IMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        _receiver(new InboundMessage(session.Peer, decoded.Payload, response => reply.TrySetResult(response)));
        IMessage response;
        try
        {
            response = await reply.Task.WaitAsync(RequestWait(http), options.Time, http.RequestAborted).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            await PlainAsync(http, StatusCodes.Status504GatewayTimeout, "the handler did not answer in time").ConfigureAwait(false);
            return;
        }

        var bytes = EnvelopeCodec.Encode(response, EnvelopeKind.Response, decoded.Envelope.CorrelationId, session.Peer.ProtocolVersion);
        if (connection is not null)
        {
            Interlocked.Increment(ref connection.MessagesOut);
        }

        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = "application/x-protobuf";
        await http.Response.Body.WriteAsync(bytes, http.RequestAborted).ConfigureAwait(false);
    }

    private async Task<bool> SameCertificateAsync(HttpContext http, InboundSessions.InboundSession session)
    {
        if (options.Tls is not { } tls)
        {
            return true;
        }

        // A TLS connection's client certificate cannot change, so its fingerprint is worked out once.
        connections.TryGet(http.Connection.Id, out var connection);
        var fingerprint = connection?.ClientFingerprint;
        if (fingerprint is null)
        {
            var certificate = await http.Connection.GetClientCertificateAsync().ConfigureAwait(false);
            fingerprint = certificate is null ? string.Empty : tls.Fingerprint(certificate);
            if (connection is not null)
            {
                connection.ClientFingerprint = fingerprint;
            }
        }

        return string.Equals(fingerprint, session.Fingerprint, StringComparison.Ordinal);
    }

    private static TimeSpan RequestWait(HttpContext http) =>
        int.TryParse(http.Request.Headers[WireRoutes.TimeoutHeader], out var ms) && ms > 0
            ? TimeSpan.FromMilliseconds(Math.Min(ms, WireRoutes.MaxRequestWait.TotalMilliseconds))
            : WireRoutes.MaxRequestWait;

    private static void Received(string type, string outcome) =>
        MeshMetrics.MessagesReceived.Add(1, new("type", type), new("outcome", outcome));

    private static async Task PlainAsync(HttpContext http, int status, string text)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "text/plain";
        await http.Response.WriteAsync(text).ConfigureAwait(false);
    }
}
