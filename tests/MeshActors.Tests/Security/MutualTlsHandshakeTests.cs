using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using MeshActors.Security;


namespace MeshActors.Tests.Security;

/// <summary>
/// Credentials loaded from PEM files by <see cref="TlsCredentialStore"/> work in a real
/// SslStream TLS 1.3 handshake in both roles, and the validator decides who gets in.
/// </summary>
public sealed class MutualTlsHandshakeTests : IDisposable
{
    private readonly string _dir = TestPki.TempDir();
    private readonly CertificateAuthority _ca = CertificateAuthority.Create("alpha", TimeProvider.System, TimeSpan.FromDays(30));

    public void Dispose()
    {
        _ca.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task Two_nodes_of_the_cluster_authenticate_each_other()
    {
        var server = Store(_ca, "n1");
        var client = Store(_ca, "n2");

        var (serverSaw, clientSaw, echoed, protocol) = await HandshakeAsync(server, client);

        (serverSaw!.Problem, serverSaw.NodeId).Should().Be((CertificateProblem.None, "n2"), serverSaw.Detail);
        (clientSaw!.Problem, clientSaw.NodeId).Should().Be((CertificateProblem.None, "n1"), clientSaw.Detail);
        echoed.Should().Be("hello");
        protocol.Should().Be(SslProtocols.Tls13);
    }

    [Fact]
    public async Task A_node_with_a_certificate_of_another_ca_is_refused_by_the_server()
    {
        using var rogueCa = CertificateAuthority.Create("alpha", TimeProvider.System, TimeSpan.FromDays(30));
        var server = Store(_ca, "n1");
        var intruder = Store(rogueCa, "intruder");

        var act = () => HandshakeAsync(server, intruder);

        var thrown = await act.Should().ThrowAsync<Exception>();
        thrown.Which.Should().Match<Exception>(e => e is AuthenticationException || e is IOException);
    }

    private TlsCredentialStore Store(CertificateAuthority ca, string nodeId)
    {
        var dir = Path.Combine(_dir, nodeId);
        using (var node = NodeCertificateIssuer.Issue(ca, "alpha", nodeId, TimeProvider.System, TimeSpan.FromDays(7), ["localhost"]))
        {
            NodeCertificateIssuer.SaveNode(node, dir);
        }

        File.WriteAllText(Path.Combine(dir, "ca.crt"), _ca.Certificate.ExportCertificatePem());
        return new TlsCredentialStore(Path.Combine(dir, "ca.crt"), Path.Combine(dir, "node.crt"), Path.Combine(dir, "node.key"), TimeProvider.System, new CapturingLoggerProvider().CreateLogger("tls"));
    }

    private static async Task<(CertificateCheckResult? ServerSaw, CertificateCheckResult? ClientSaw, string Echoed, SslProtocols Protocol)> HandshakeAsync(
        TlsCredentialStore serverStore, TlsCredentialStore clientStore)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        CertificateCheckResult? serverSaw = null, clientSaw = null;

        var serverTask = Task.Run(async () =>
        {
            using var socket = await listener.AcceptTcpClientAsync(cts.Token);
            var validator = new PeerCertificateValidator(serverStore.Current.TrustedCas, TimeProvider.System);
            await using var ssl = new SslStream(socket.GetStream(), leaveInnerStreamOpen: false);
            await ssl.AuthenticateAsServerAsync(new SslServerAuthenticationOptions
            {
                ServerCertificateContext = SslStreamCertificateContext.Create(serverStore.Current.NodeCertificate, null, offline: true),
                ClientCertificateRequired = true,
                EnabledSslProtocols = SslProtocols.Tls13,
                RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                    (serverSaw = validator.Check(certificate as X509Certificate2, null, "alpha", null)).IsValid,
            }, cts.Token);
            var buffer = new byte[5];
            await ssl.ReadExactlyAsync(buffer, cts.Token);
            await ssl.WriteAsync(buffer, cts.Token);
        }, cts.Token);

        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, ((IPEndPoint)listener.LocalEndpoint).Port, cts.Token);
        var clientValidator = new PeerCertificateValidator(clientStore.Current.TrustedCas, TimeProvider.System);
        await using var client = new SslStream(tcp.GetStream(), leaveInnerStreamOpen: false);
        await client.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
        {
            TargetHost = "localhost",
            ClientCertificateContext = SslStreamCertificateContext.Create(clientStore.Current.NodeCertificate, null, offline: true),
            EnabledSslProtocols = SslProtocols.Tls13,
            RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                (clientSaw = clientValidator.Check(certificate as X509Certificate2, null, "alpha", null)).IsValid,
        }, cts.Token);
        await client.WriteAsync("hello"u8.ToArray(), cts.Token);
        var echo = new byte[5];
        var read = client.ReadAtLeastAsync(echo, 5, throwOnEndOfStream: true, cts.Token).AsTask();
        await Task.WhenAll(serverTask, read);
        return (serverSaw, clientSaw, System.Text.Encoding.ASCII.GetString(echo), client.SslProtocol);
    }
}
