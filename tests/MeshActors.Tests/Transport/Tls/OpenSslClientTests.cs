using System.Security.Cryptography.X509Certificates;
using MeshActors.Transport.Http2;

namespace MeshActors.Tests.Transport.Tls;

/// <summary>The mesh port seen by <c>openssl s_client</c>: TLS 1.3, HTTP/2 by ALPN, the node's
/// certificate chaining to the cluster CA, and a client certificate required.</summary>
public sealed class OpenSslClientTests : IAsyncLifetime
{
    private readonly TestPki _pki = new();
    private readonly string _dir = Directory.CreateTempSubdirectory("meshactors-openssl-").FullName;
    private readonly LoopbackTransports _transports = new();
    private Http2Transport _server = null!;

    public async Task InitializeAsync()
    {
        _server = await _transports.StartAsync(LoopbackTransports.Options("node-b", _pki.ClusterId, _pki.Tls(_pki.Issue("node-b"))));
        File.WriteAllText(Path.Combine(_dir, "ca.crt"), _pki.Ca.Certificate.ExportCertificatePem());
        var client = _pki.Issue("node-a");
        File.WriteAllText(Path.Combine(_dir, "node.crt"), client.ExportCertificatePem());
        File.WriteAllText(Path.Combine(_dir, "node.key"), client.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem());
    }

    public async Task DisposeAsync()
    {
        await _transports.DisposeAsync();
        _pki.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task With_a_cluster_certificate_the_handshake_is_TLS_1_3_with_h2_and_verifies()
    {
        var (exit, output) = await OpenSslClient.ConnectAsync(
            _server.LocalAddress.Port,
            "-CAfile", Path.Combine(_dir, "ca.crt"), "-verify_return_error",
            "-cert", Path.Combine(_dir, "node.crt"), "-key", Path.Combine(_dir, "node.key"));

        exit.Should().Be(0, output);
        output.Should().Contain("New, TLSv1.3").And.Contain("ALPN protocol: h2").And.Contain("Verify return code: 0 (ok)");
    }

    [Fact]
    public async Task Without_a_client_certificate_the_server_asks_for_one_then_drops_the_connection()
    {
        var (exit, output) = await OpenSslClient.ConnectAsync(_server.LocalAddress.Port, "-CAfile", Path.Combine(_dir, "ca.crt"), "-ign_eof");

        output.Should().Contain("Requested Signature Algorithms", "the server sent a CertificateRequest");
        output.Should().Contain("unexpected eof", "the server closed the connection when no certificate came");
        exit.Should().NotBe(0);
    }

    [Fact]
    public async Task A_client_that_offers_only_TLS_1_2_is_turned_away()
    {
        var (exit, output) = await OpenSslClient.ConnectAsync(_server.LocalAddress.Port, "-CAfile", Path.Combine(_dir, "ca.crt"), "-tls1_2");

        exit.Should().NotBe(0);
        output.Should().MatchRegex("alert protocol version|wrong version|unsupported protocol|no protocols available");
    }
}
