using System.Net;
using System.Net.Sockets;
using Google.Protobuf;
using MeshActors.Diagnostics;
using MeshActors.Transport.Wire;

namespace MeshActors.Transport.Http2;

/// <summary>Sending envelopes and mapping HTTP outcomes onto the <see cref="ITransport"/> contract.</summary>
internal sealed partial class PeerClient
{
    private static readonly TimeSpan SendTimeout = TimeSpan.FromSeconds(10);
    private long _correlation;

    public async Task<IMessage> RequestAsync(NodeAddress to, IMessage request, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var started = _options.Time.GetTimestamp();
        var type = request.Descriptor.Name;
        using var deadline = new CancellationTokenSource(timeout, _options.Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, cancellationToken);
        try
        {
            var response = await ExchangeAsync(to, request, EnvelopeKind.Request, timeout, linked.Token).ConfigureAwait(false);
            MeshMetrics.RoundTrip.Record(_options.Time.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("type", type));
            Sent(type, "ok");
            return response!;
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            Sent(type, "timeout");
            throw new TimeoutException($"{to} did not answer within {timeout.TotalMilliseconds:0} ms");
        }
        catch (Exception ex)
        {
            Sent(type, Outcome(ex));
            throw;
        }
    }

    public void Send(NodeAddress to, IMessage message) => _ = SendAsync(to, message);

    private async Task SendAsync(NodeAddress to, IMessage message)
    {
        var type = message.Descriptor.Name;
        try
        {
            using var deadline = new CancellationTokenSource(SendTimeout, _options.Time);
            await ExchangeAsync(to, message, EnvelopeKind.OneWay, SendTimeout, deadline.Token).ConfigureAwait(false);
            Sent(type, "ok");
        }
        catch (Exception ex)
        {
            Sent(type, ex is OperationCanceledException ? "timeout" : Outcome(ex));
            MeshLog.SendFailed(_log, to.ToString(), ex.Message);
        }
    }

    private async Task<IMessage?> ExchangeAsync(NodeAddress to, IMessage message, EnvelopeKind kind, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var session = SessionFor(to);
        for (var attempt = 0; ; attempt++)
        {
            var handshake = session.EnsureAsync(() => HelloWithDeadlineAsync(session), _options.Time, _options.HandshakeRetryAfter);
            var established = await Mapped(to, handshake.WaitAsync(cancellationToken)).ConfigureAwait(false);
            var bytes = EnvelopeCodec.Encode(message, kind, kind == EnvelopeKind.Request ? (ulong)Interlocked.Increment(ref _correlation) : 0, established.Version);
            if (bytes.Length > _options.MaxMessageSize)
            {
                throw new TransportException(to, $"message of {bytes.Length} bytes is over the limit of {_options.MaxMessageSize}");
            }

            using var response = await Mapped(to, PostAsync(to, WireRoutes.Envelope, bytes, h =>
            {
                h.Add(WireRoutes.SessionHeader, established.Token);
                h.Add(WireRoutes.TimeoutHeader, ((long)timeout.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture));
            }, cancellationToken)).ConfigureAwait(false);
            MeshMetrics.BytesSent.Add(bytes.Length, new KeyValuePair<string, object?>("type", message.Descriptor.Name));
            Interlocked.Increment(ref session.Counters.MessagesOut);
            switch (response.StatusCode)
            {
                case HttpStatusCode.Accepted:
                    return null;
                case HttpStatusCode.OK:
                    var decoded = EnvelopeCodec.Decode(await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false), _options.MaxMessageSize);
                    Interlocked.Increment(ref session.Counters.MessagesIn);
                    return decoded.IsSuccess && decoded.Envelope!.Kind == EnvelopeKind.Response
                        ? decoded.Payload
                        : throw new TransportException(to, "sent an unreadable response: " + (decoded.Error ?? "not a response envelope"));
                case HttpStatusCode.Unauthorized when attempt == 0:
                    session.Invalidate(handshake);
                    continue;
                case HttpStatusCode.GatewayTimeout:
                    throw new TimeoutException($"{to} did not answer within {timeout.TotalMilliseconds:0} ms");
                default:
                    var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                    throw new TransportException(to, $"refused the message with HTTP {(int)response.StatusCode}: {text}");
            }
        }
    }

    private async Task<PeerSession.Established> HelloWithDeadlineAsync(PeerSession session)
    {
        using var deadline = new CancellationTokenSource(_options.ConnectTimeout * 2, _options.Time);
        try
        {
            return await Mapped(session.Address, HelloAsync(session, deadline.Token)).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            throw new TransportException(session.Address, $"no answer to the Hello within {(_options.ConnectTimeout * 2).TotalSeconds:0} s");
        }
    }

    /// <summary>Awaits <paramref name="task"/>, turning socket and TLS failures into the contract's exceptions.</summary>
    private static async Task<T> Mapped<T>(NodeAddress to, Task<T> task)
    {
        try
        {
            return await task.ConfigureAwait(false);
        }
        catch (HttpRequestException ex) when (Find<HandshakeRefusedException>(ex) is { } refused)
        {
            throw refused;
        }
        catch (HttpRequestException ex)
        {
            var socket = Find<SocketException>(ex);
            throw new TransportException(to, socket is null ? "cannot exchange messages: " + ex.Message : "cannot connect: " + socket.Message, ex);
        }
    }

    private static T? Find<T>(Exception ex)
        where T : Exception
    {
        for (Exception? e = ex; e is not null; e = e.InnerException)
        {
            if (e is T match)
            {
                return match;
            }
        }

        return null;
    }

    private static string Outcome(Exception ex) => ex switch
    {
        HandshakeRefusedException => "refused",
        TimeoutException => "timeout",
        TransportException t when t.Message.Contains("over the limit", StringComparison.Ordinal) => "too_large",
        TransportException t when t.InnerException is not null => "unreachable",
        _ => "error",
    };

    private static void Sent(string type, string outcome) =>
        MeshMetrics.MessagesSent.Add(1, new("type", type), new("outcome", outcome));
}
