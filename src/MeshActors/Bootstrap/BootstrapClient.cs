using System.Net.Http.Json;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using MeshActors.Security;

namespace MeshActors.Bootstrap;

/// <summary>
/// Calls other nodes' bootstrap endpoints over HTTPS with this node's certificate (mutual TLS),
/// accepting a server only by the same checks Akka.Remote's handshake uses (<see cref="RemoteTls.Validate"/>:
/// the cluster CA, this cluster's URI SAN, dates, pins). Stock Akka.Management's prober uses a
/// plain <c>HttpClient</c> that can present no certificate, which is why MeshActors probes with this.
/// Without TLS (<c>tls.mode = insecure</c>) it speaks plain HTTP.
/// </summary>
public sealed class BootstrapClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly RemoteTls? _tls;

    /// <summary>Creates a client whose requests give up after <paramref name="timeout"/>.</summary>
    public BootstrapClient(RemoteTls? tls, TimeSpan timeout)
    {
        _tls = tls;
        var handler = new SocketsHttpHandler
        {
            ConnectTimeout = timeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(1),
        };
        if (tls is not null)
        {
            handler.SslOptions = new SslClientAuthenticationOptions
            {
                ClientCertificates = new X509CertificateCollection { tls.Certificate },
                RemoteCertificateValidationCallback = (_, certificate, chain, errors) =>
                    tls.Validate(certificate as X509Certificate2 ?? (certificate is null ? null : X509CertificateLoader.LoadCertificate(certificate.GetRawCertData())), chain, "bootstrap endpoint", errors, null),
            };
        }

        _http = new HttpClient(handler) { Timeout = timeout };
    }

    /// <summary><c>https</c> with TLS, else <c>http</c>.</summary>
    public string Scheme => _tls is null ? "http" : "https";

    /// <summary>The base URI of the bootstrap endpoint at <paramref name="endpoint"/>.</summary>
    public Uri BaseUri(MeshActors.Discovery.NodeAddress endpoint) => new($"{Scheme}://{endpoint}/");

    /// <summary>Asks <paramref name="baseUri"/> for its cluster's seed nodes.</summary>
    /// <exception cref="BootstrapProbeException">No answer, a refused TLS session, or an answer that is not a seed-node list.</exception>
    public async Task<SeedNodesResponse> SeedNodesAsync(Uri baseUri, CancellationToken cancellationToken)
    {
        var url = new Uri(baseUri, "bootstrap/seed-nodes");
        try
        {
            using var response = await _http.GetAsync(url, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new BootstrapProbeException($"{url} answered {(int)response.StatusCode} {response.ReasonPhrase}");
            }

            var body = await response.Content.ReadFromJsonAsync<SeedNodesResponse>(cancellationToken).ConfigureAwait(false);
            return body is { SelfNode.Length: > 0, SeedNodes: not null }
                ? body
                : throw new BootstrapProbeException($"{url} answered without selfNode/seedNodes; is it a MeshActors bootstrap endpoint?");
        }
        catch (HttpRequestException ex)
        {
            throw new BootstrapProbeException($"{url}: {Describe(ex)}", ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new BootstrapProbeException($"{url}: no answer within {_http.Timeout.TotalMilliseconds:0} ms", ex);
        }
        catch (System.Text.Json.JsonException ex)
        {
            throw new BootstrapProbeException($"{url} answered something that is not a seed-node list: {ex.Message}", ex);
        }
    }

    /// <summary>The public-key fingerprint (<c>sha256:…</c>) of the certificate the endpoint at
    /// <paramref name="host"/>:<paramref name="port"/> presents, read from a TLS handshake that
    /// presents this node's certificate and checks nothing (the caller compares the key).</summary>
    /// <exception cref="BootstrapProbeException">No TLS endpoint answers there.</exception>
    public async Task<string> PeerFingerprintAsync(string host, int port, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (_tls is null)
        {
            throw new BootstrapProbeException("TLS is off (meshactors.transport.tls.mode = insecure): there is no key to check");
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            using var tcp = new TcpClient();
            await tcp.ConnectAsync(host, port, deadline.Token).ConfigureAwait(false);
            X509Certificate2? seen = null;
            await using var ssl = new SslStream(tcp.GetStream(), false);
            await ssl.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
            {
                TargetHost = host,
                ClientCertificates = new X509CertificateCollection { _tls.Certificate },
                RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                {
                    seen = certificate is null ? null : X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
                    return true;
                },
            }, deadline.Token).ConfigureAwait(false);
            return seen is null ? throw new BootstrapProbeException($"{host}:{port} presented no certificate") : PublicKeyFingerprint.Of(seen);
        }
        catch (Exception ex) when (ex is SocketException or IOException or System.Security.Authentication.AuthenticationException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new BootstrapProbeException($"{host}:{port}: no TLS endpoint answered ({ex.Message})", ex);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    private static string Describe(HttpRequestException ex) => ex.InnerException switch
    {
        System.Security.Authentication.AuthenticationException auth => $"TLS refused ({auth.Message}); the endpoint's certificate is not from this cluster's CA or names another cluster",
        SocketException socket => socket.Message,
        { } inner => $"{ex.Message} ({inner.Message})",
        null => ex.Message,
    };
}

/// <summary>A bootstrap endpoint could not be asked, or answered something unusable; the message says which and why.</summary>
public sealed class BootstrapProbeException : Exception
{
    /// <summary>Creates the exception.</summary>
    public BootstrapProbeException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
