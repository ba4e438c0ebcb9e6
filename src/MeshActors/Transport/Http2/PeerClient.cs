using System.Net;
using System.Net.Http.Headers;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Google.Protobuf;
using MeshActors.Transport.Wire;

namespace MeshActors.Transport.Http2;

/// <summary>
/// The outbound half: one pooled <see cref="SocketsHttpHandler"/> for all peers, a bounded number of
/// HTTP/2 connections per peer. TLS is done here, in the connect callback, rather than by the
/// handler, so that the server's certificate is judged by the cluster's rules (with a reason
/// code), the TLS version is known, and each connection's bytes are counted.
/// </summary>
internal sealed partial class PeerClient : IDisposable
{
    private readonly Http2TransportOptions _options;
    private readonly ConnectionRegistry _connections;
    private readonly HttpClient _http;
    private readonly Dictionary<NodeAddress, PeerSession> _sessions = new();
    private readonly Lock _gate = new();
    private readonly Func<string> _advertisedAddress;
    private readonly Microsoft.Extensions.Logging.ILogger _log;

    public PeerClient(Http2TransportOptions options, ConnectionRegistry connections, Func<string> advertisedAddress, Microsoft.Extensions.Logging.ILogger log)
    {
        _log = log;
        _options = options;
        _connections = connections;
        _advertisedAddress = advertisedAddress;
        _http = new HttpClient(new SocketsHttpHandler
        {
            ConnectCallback = ConnectAsync,
            MaxConnectionsPerServer = options.ConnectionsPerPeer,
            EnableMultipleHttp2Connections = options.ConnectionsPerPeer > 1,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(2),
            KeepAlivePingDelay = TimeSpan.FromSeconds(30),
            KeepAlivePingTimeout = TimeSpan.FromSeconds(10),
            ConnectTimeout = options.ConnectTimeout,
            UseProxy = false,
        })
        {
            Timeout = Timeout.InfiniteTimeSpan,
            DefaultRequestVersion = HttpVersion.Version20,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
    }

    public void Dispose() => _http.Dispose();

    /// <summary>Makes the next send to <paramref name="address"/> shake hands again.</summary>
    public void ResetSession(NodeAddress address)
    {
        lock (_gate)
        {
            if (_sessions.TryGetValue(address, out var session))
            {
                session.Reset();
            }
        }
    }

    private PeerSession SessionFor(NodeAddress address)
    {
        lock (_gate)
        {
            if (!_sessions.TryGetValue(address, out var session))
            {
                _sessions[address] = session = new PeerSession(address);
            }

            return session;
        }
    }

    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var address = new NodeAddress(context.DnsEndPoint.Host, context.DnsEndPoint.Port);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        Stream stream;
        try
        {
            await socket.ConnectAsync(context.DnsEndPoint, cancellationToken).ConfigureAwait(false);
            stream = new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        var tlsVersion = "none";
        if (_options.Tls is { } tls)
        {
            var session = SessionFor(address);
            var ssl = new SslStream(stream, leaveInnerStreamOpen: false);
            try
            {
                await ssl.AuthenticateAsClientAsync(
                    new SslClientAuthenticationOptions
                    {
                        TargetHost = address.Host,
                        ApplicationProtocols = [SslApplicationProtocol.Http2],
                        EnabledSslProtocols = SslProtocols.Tls13,
                        ClientCertificateContext = SslStreamCertificateContext.Create(tls.CurrentCertificate, additionalCertificates: null),
                        RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                        {
                            var presented = certificate is null ? null : X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
                            var verdict = tls.Verify(presented);
                            session.Server = presented is null ? null : (presented, verdict);
                            return verdict.Refusal is null;
                        },
                    },
                    cancellationToken).ConfigureAwait(false);
            }
            catch (AuthenticationException) when (session.Server is { Verdict.Refusal: { } reason } server)
            {
                await ssl.DisposeAsync().ConfigureAwait(false);
                throw Refused(session, reason, "server certificate: " + server.Verdict.Detail);
            }
            catch
            {
                await ssl.DisposeAsync().ConfigureAwait(false);
                throw;
            }

            tlsVersion = ssl.SslProtocol.ToString();
            stream = ssl;
        }

        var connection = _connections.Open("outbound", context.DnsEndPoint.ToString(), "HTTP/2", tlsVersion, peer: SessionFor(address).Counters);
        return new CountingStream(stream, connection);
    }

    private async Task<PeerSession.Established> HelloAsync(PeerSession session, CancellationToken cancellationToken)
    {
        var hello = new Hello
        {
            ClusterId = _options.ClusterId,
            NodeId = _options.NodeId,
            AdvertisedAddress = _advertisedAddress(),
            MinProtocolVersion = _options.Versions.Min,
            MaxProtocolVersion = _options.Versions.Max,
        };
        using var response = await PostAsync(session.Address, WireRoutes.Hello, hello.ToByteArray(), null, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        HelloReply reply;
        try
        {
            reply = HelloReply.Parser.ParseFrom(body);
        }
        catch (InvalidProtocolBufferException)
        {
            throw new TransportException(session.Address, $"answered the Hello with HTTP {(int)response.StatusCode} and no HelloReply: {System.Text.Encoding.UTF8.GetString(body.AsSpan(0, Math.Min(body.Length, 300)))}");
        }

        if (reply.ResultCase == HelloReply.ResultOneofCase.Refused)
        {
            Diagnostics.MeshMetrics.HandshakeRefusals.Add(1, new("reason", reply.Refused.Reason.ToString()), new("side", "remote"));
            throw new HandshakeRefusedException(session.Address, reply.Refused.Reason, reply.Refused.Detail, refusedByPeer: true);
        }

        var accepted = reply.Accepted ?? throw new TransportException(session.Address, "sent an empty HelloReply");
        CheckServerIdentity(session, accepted);
        session.Counters.NodeId = accepted.NodeId;
        return new PeerSession.Established(accepted.SessionToken, accepted.ProtocolVersion, accepted.NodeId);
    }

    /// <summary>With TLS, the node that accepted must be the node the server certificate names, and
    /// match its pinned key if one is configured.</summary>
    private void CheckServerIdentity(PeerSession session, HelloAccepted accepted)
    {
        if (_options.Tls is null)
        {
            if (_options.AddressPins.TryGetValue(session.Address, out var required))
            {
                throw Refused(session, RefusalReason.PinnedKeyMismatch, $"{session.Address} is pinned to key {required}, but TLS is off so no key can be checked");
            }

            return;
        }

        var fingerprint = session.Server?.Verdict.Fingerprint;
        if (_options.AddressPins.TryGetValue(session.Address, out var addressPin) && !string.Equals(addressPin, fingerprint, StringComparison.OrdinalIgnoreCase))
        {
            throw Refused(session, RefusalReason.PinnedKeyMismatch, $"{session.Address} was introduced with key {addressPin} but presented {fingerprint} (node '{accepted.NodeId}')");
        }

        if (session.Server?.Verdict.NodeId != accepted.NodeId)
        {
            throw Refused(session, RefusalReason.CertificateNodeMismatch, $"the server says it is '{accepted.NodeId}' but its certificate names '{session.Server?.Verdict.NodeId}'");
        }

        if (_options.PinnedKeys.TryGetValue(accepted.NodeId, out var pinned) && !string.Equals(pinned, fingerprint, StringComparison.OrdinalIgnoreCase))
        {
            throw Refused(session, RefusalReason.PinnedKeyMismatch, $"node '{accepted.NodeId}' is pinned to key {pinned} but presented {fingerprint}");
        }
    }

    private HandshakeRefusedException Refused(PeerSession session, RefusalReason reason, string detail)
    {
        Diagnostics.MeshMetrics.HandshakeRefusals.Add(1, new("reason", reason.ToString()), new("side", "local"));
        _options.Audit?.Write(new Diagnostics.AuditEvent("handshake.refused", _options.Time.GetUtcNow(), session.Server?.Verdict.NodeId, session.Address.ToString(), reason.ToString(), detail));
        return new HandshakeRefusedException(session.Address, reason, detail, refusedByPeer: false);
    }

    private Task<HttpResponseMessage> PostAsync(NodeAddress to, string path, byte[] body, Action<HttpRequestHeaders>? headers, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"http://{to}{path}"))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/x-protobuf") } },
        };
        headers?.Invoke(request.Headers);
        return _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
    }
}
