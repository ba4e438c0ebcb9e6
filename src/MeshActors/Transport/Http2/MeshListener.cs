using System.Net;
using System.Security.Authentication;
using Google.Protobuf;
using MeshActors.Actors;
using MeshActors.Diagnostics;
using MeshActors.Transport.Wire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MeshActors.Transport.Http2;

/// <summary>
/// The mesh port: Kestrel, HTTP/2 only; with TLS, TLS 1.3 and a client certificate required.
/// The certificate is accepted at the TLS layer and judged in the Hello, so that a refused peer
/// learns the reason code instead of a bare TLS alert, and nothing else is read before that.
/// </summary>
internal sealed partial class MeshListener(Http2TransportOptions options, ConnectionRegistry connections, ILoggerFactory loggerFactory) : IAsyncDisposable
{
    private const int MaxHelloSize = 64 * 1024;
    private readonly ILogger _log = loggerFactory.CreateLogger("MeshActors.Transport");
    private readonly InboundSessions _sessions = new(options.Random ?? EntropyRandomSource.Create(), options.Time, options.InboundRatePerPeer, options.InboundBurstPerPeer);
    private WebApplication? _app;
    private Action<InboundMessage> _receiver = _ => { };

    public NodeAddress BoundAddress { get; private set; }

    public async Task StartAsync(Action<InboundMessage> receiver, CancellationToken cancellationToken)
    {
        _receiver = receiver;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;

            // Clients do TLS below their HTTP stack (see PeerClient), so their requests say
            // :scheme http on a TLS connection; the scheme carries no meaning here.
            k.AllowAlternateSchemes = true;
            k.Limits.MaxRequestBodySize = options.MaxMessageSize;
            k.Limits.Http2.MaxStreamsPerConnection = 1024;
            var ip = IPAddress.TryParse(options.ListenHost, out var parsed) ? parsed : System.Net.Dns.GetHostAddresses(options.ListenHost)[0];
            k.Listen(ip, options.ListenPort, ConfigureEndpoint);
        });
        var app = builder.Build();
        app.MapPost(WireRoutes.Hello, OnHelloAsync);
        app.MapPost(WireRoutes.Envelope, OnEnvelopeAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        _app = app;
        var bound = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        BoundAddress = new NodeAddress(options.AdvertisedHost ?? options.ListenHost, bound.Port);
        MeshLog.TransportListening(_log, BoundAddress.ToString(), options.Tls is null ? "insecure: no TLS" : "TLS 1.3, client certificate required");
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync().ConfigureAwait(false);
            await _app.DisposeAsync().ConfigureAwait(false);
        }
    }

    private void ConfigureEndpoint(ListenOptions listen)
    {
        listen.Protocols = HttpProtocols.Http2;
        if (options.Tls is { } tls)
        {
            listen.UseHttps(new HttpsConnectionAdapterOptions
            {
                ServerCertificateSelector = (_, _) => tls.CurrentCertificate,
                ClientCertificateMode = ClientCertificateMode.RequireCertificate,
                ClientCertificateValidation = (_, _, _) => true,
                SslProtocols = SslProtocols.Tls13,
                HandshakeTimeout = options.ConnectTimeout,
            });
        }

        listen.Use(next => async context =>
        {
            var tlsVersion = context.Features.Get<ITlsHandshakeFeature>()?.Protocol.ToString() ?? "none";
            var connection = connections.Open("inbound", context.RemoteEndPoint?.ToString() ?? "?", "HTTP/2", tlsVersion, key: context.ConnectionId);
            context.Transport = new CountingDuplexPipe(context.Transport, connection);
            try
            {
                await next(context).ConfigureAwait(false);
            }
            finally
            {
                connection.Close();
            }
        });
    }

    private async Task OnHelloAsync(HttpContext http)
    {
        var body = await BodyReader.ReadAsync(http.Request, MaxHelloSize).ConfigureAwait(false);
        Hello? hello = null;
        try
        {
            hello = body is null ? null : Hello.Parser.ParseFrom(body);
        }
        catch (InvalidProtocolBufferException)
        {
        }

        hello ??= new Hello();
        var certificate = options.Tls is { } tls ? tls.Verify(await http.Connection.GetClientCertificateAsync().ConfigureAwait(false)) : null;
        options.PinnedKeys.TryGetValue(hello.NodeId, out var pinned);
        var decision = HandshakePolicy.Decide(hello, options.ClusterId, options.Versions, certificate, pinned);
        if (decision.Accepted && !NodeAddress.TryParse(hello.AdvertisedAddress, out _, out var addressError))
        {
            decision = HandshakeDecision.Refuse(RefusalReason.MalformedHello, "advertised address: " + addressError);
        }

        if (!decision.Accepted)
        {
            Refuse(http, hello, decision);
            await WriteAsync(http, StatusCodes.Status403Forbidden, new HelloReply { Refused = new HelloRefused { Reason = decision.Refusal!.Value, Detail = decision.Detail } }).ConfigureAwait(false);
            return;
        }

        var peer = new PeerIdentity(hello.NodeId, hello.ClusterId, NodeAddress.Parse(hello.AdvertisedAddress), decision.Version!.Value);
        var session = _sessions.Admit(peer, certificate?.Fingerprint);
        if (connections.TryGet(http.Connection.Id, out var connection))
        {
            connection.PeerNodeId = peer.NodeId;
        }

        await WriteAsync(http, StatusCodes.Status200OK, new HelloReply
        {
            Accepted = new HelloAccepted { ClusterId = options.ClusterId, NodeId = options.NodeId, ProtocolVersion = peer.ProtocolVersion, SessionToken = session.Token },
        }).ConfigureAwait(false);
    }

    private void Refuse(HttpContext http, Hello hello, HandshakeDecision decision)
    {
        var reason = decision.Refusal!.Value.ToString();
        MeshMetrics.HandshakeRefusals.Add(1, new("reason", reason), new("side", "local"));
        options.Audit?.Write(new AuditEvent("handshake.refused", options.Time.GetUtcNow(), NullIfEmpty(hello.NodeId), http.Connection.RemoteIpAddress + ":" + http.Connection.RemotePort, reason, decision.Detail));
    }

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;

    private static async Task WriteAsync(HttpContext http, int status, IMessage message)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/x-protobuf";
        await http.Response.Body.WriteAsync(message.ToByteArray()).ConfigureAwait(false);
    }
}
