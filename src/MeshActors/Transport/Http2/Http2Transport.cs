using Google.Protobuf;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MeshActors.Transport.Http2;

/// <summary>
/// The production transport: protobuf envelopes over HTTP/2, with mutual TLS 1.3 unless TLS is
/// explicitly turned off. HTTP/3 would need QUIC (libmsquic), which these machines do not have;
/// the transport speaks HTTP/2 only.
/// </summary>
public sealed class Http2Transport : ITransport
{
    private readonly MeshListener _listener;
    private readonly PeerClient _client;
    private readonly Http2TransportOptions _options;

    /// <summary>Creates the transport; nothing listens until <see cref="StartAsync"/>.</summary>
    public Http2Transport(Http2TransportOptions options, ILoggerFactory? loggerFactory = null)
    {
        loggerFactory ??= NullLoggerFactory.Instance;
        _options = options;
        Connections = new ConnectionRegistry(options.Time);
        _listener = new MeshListener(options, Connections, loggerFactory);
        _client = new PeerClient(options, Connections, () => LocalAddress.ToString(), loggerFactory.CreateLogger("MeshActors.Transport"));
    }

    /// <inheritdoc />
    public NodeAddress LocalAddress => _listener.BoundAddress;

    /// <summary>Every open connection, both directions.</summary>
    public ConnectionRegistry Connections { get; }

    /// <inheritdoc />
    public Task StartAsync(Action<InboundMessage> receiver, CancellationToken cancellationToken = default) =>
        _listener.StartAsync(receiver, cancellationToken);

    /// <inheritdoc />
    public void Send(NodeAddress to, IMessage message) => _client.Send(to, message);

    /// <summary>The fingerprint (<c>sha256:…</c>) of this node's current TLS public key; null when TLS is off.</summary>
    public string? LocalKeyFingerprint => _options.Tls is { } tls ? tls.Fingerprint(tls.CurrentCertificate) : null;

    /// <summary>Requires the server at <paramref name="address"/> to present the key with
    /// <paramref name="fingerprint"/> (<c>sha256:…</c>) from the next handshake on; null removes the pin.</summary>
    public void PinKey(NodeAddress address, string? fingerprint)
    {
        if (fingerprint is null)
        {
            _options.AddressPins.TryRemove(address, out _);
        }
        else
        {
            _options.AddressPins[address] = Security.PublicKeyFingerprint.Parse(fingerprint);
        }

        _client.ResetSession(address);
    }

    /// <inheritdoc />
    public Task<IMessage> RequestAsync(NodeAddress to, IMessage request, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        _client.RequestAsync(to, request, timeout, cancellationToken);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _listener.DisposeAsync().ConfigureAwait(false);
    }
}
