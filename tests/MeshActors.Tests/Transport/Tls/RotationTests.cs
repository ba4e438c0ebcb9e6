using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using MeshActors.Security;
using MeshActors.Tests.Security;
using MeshActors.Transport.Http2;
using MeshActors.Transport.Wire;
using Microsoft.Extensions.Logging.Abstractions;

namespace MeshActors.Tests.Transport.Tls;

/// <summary>Certificate files replaced on disk while peers are connected: no restart, existing
/// connections keep working, new connections get the new certificate.</summary>
public sealed class RotationTests : IAsyncLifetime
{
    private readonly TestPki _pki = new();
    private readonly string _dir = Directory.CreateTempSubdirectory("meshactors-rotation-").FullName;
    private readonly FixedTimeProvider _fileClock = new(DateTimeOffset.UtcNow);
    private readonly LoopbackTransports _transports = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _transports.DisposeAsync();
        _pki.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task New_connections_present_the_replaced_certificate_while_old_ones_keep_working()
    {
        var first = _pki.Issue("node-b");
        WriteNodeFiles(first);
        File.WriteAllText(Path.Combine(_dir, "ca.crt"), _pki.Ca.Certificate.ExportCertificatePem());
        var store = new TlsCredentialStore(Path.Combine(_dir, "ca.crt"), Path.Combine(_dir, "node.crt"), Path.Combine(_dir, "node.key"), _fileClock, NullLogger.Instance, TimeSpan.FromSeconds(1));
        var server = await StartAsync("node-b", new ClusterPeerTls(store, _pki.ClusterId, TimeProvider.System));
        var client = await StartAsync("node-a", _pki.Tls(_pki.Issue("node-a")));

        (await client.RequestAsync(server.LocalAddress, new Probe { Sequence = 1 }, TimeSpan.FromSeconds(10))).Should().BeOfType<ProbeReply>();
        (await PresentedFingerprintAsync(server.LocalAddress.Port)).Should().Be(PublicKeyFingerprint.Of(first));

        var second = _pki.Issue("node-b");
        WriteNodeFiles(second);
        _fileClock.Advance(TimeSpan.FromSeconds(2));

        (await client.RequestAsync(server.LocalAddress, new Probe { Sequence = 2 }, TimeSpan.FromSeconds(10))).Should().BeOfType<ProbeReply>("the open connection survives the rotation");
        (await PresentedFingerprintAsync(server.LocalAddress.Port)).Should().Be(PublicKeyFingerprint.Of(second), "a new connection gets the new certificate");
        var newcomer = await StartAsync("node-c", _pki.Tls(_pki.Issue("node-c")));
        (await newcomer.RequestAsync(server.LocalAddress, new Probe { Sequence = 3 }, TimeSpan.FromSeconds(10))).Should().BeOfType<ProbeReply>();
    }

    private void WriteNodeFiles(X509Certificate2 certificate)
    {
        File.WriteAllText(Path.Combine(_dir, "node.key"), certificate.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem());
        File.WriteAllText(Path.Combine(_dir, "node.crt"), certificate.ExportCertificatePem());
    }

    private Task<Http2Transport> StartAsync(string nodeId, IPeerTls tls) =>
        _transports.StartAsync(LoopbackTransports.Options(nodeId, _pki.ClusterId, tls));

    /// <summary>Opens a fresh TLS connection and returns the fingerprint of the certificate the server presents.</summary>
    private async Task<string> PresentedFingerprintAsync(int port)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync("127.0.0.1", port);
        await using var ssl = new SslStream(tcp.GetStream(), false, (_, _, _, _) => true);
        await ssl.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
        {
            TargetHost = "localhost",
            ClientCertificates = [_pki.Issue("probe")],
            ApplicationProtocols = [SslApplicationProtocol.Http2],
        });
        return PublicKeyFingerprint.Of(X509CertificateLoader.LoadCertificate(ssl.RemoteCertificate!.GetRawCertData()));
    }
}
