using System.Net;
using MeshActors.Security;

namespace MeshActors.Tests.Security;

/// <summary>The files the tooling writes, judged by OpenSSL; and OpenSSL's files, judged by the tooling.</summary>
public sealed class OpenSslInteropTests : IDisposable
{
    private readonly string _dir = TestPki.TempDir();

    public OpenSslInteropTests()
    {
        using var ca = CertificateAuthority.Create("alpha", TimeProvider.System, TimeSpan.FromDays(30));
        ca.Save(Path.Combine(_dir, "ca"));
        using var node = NodeCertificateIssuer.Issue(ca, "alpha", "n1", TimeProvider.System, TimeSpan.FromDays(7), ["n1.mesh.local"], [IPAddress.Parse("10.1.2.3")]);
        NodeCertificateIssuer.SaveNode(node, Path.Combine(_dir, "n1"));
        using var other = CertificateAuthority.Create("alpha", TimeProvider.System, TimeSpan.FromDays(30));
        other.Save(Path.Combine(_dir, "other-ca"));
        using var stranger = NodeCertificateIssuer.Issue(other, "alpha", "n2", TimeProvider.System, TimeSpan.FromDays(7));
        NodeCertificateIssuer.SaveNode(stranger, Path.Combine(_dir, "n2"));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Openssl_verifies_a_node_certificate_against_its_ca()
    {
        var output = await OpenSsl.MustRunAsync(_dir, "verify", "-CAfile", "ca/ca.crt", "n1/node.crt");

        output.Should().Contain("n1/node.crt: OK");
    }

    [Fact]
    public async Task Openssl_rejects_a_node_certificate_of_another_ca()
    {
        var result = await OpenSsl.RunAsync(_dir, "verify", "-CAfile", "ca/ca.crt", "n2/node.crt");

        result.Succeeded.Should().BeFalse(result.Output);
        result.Output.Should().Contain("unable to get local issuer certificate");
    }

    [Fact]
    public async Task Openssl_verifies_both_nodes_against_a_bundle_of_two_cas()
    {
        File.WriteAllText(Path.Combine(_dir, "bundle.crt"), File.ReadAllText(Path.Combine(_dir, "ca/ca.crt")) + File.ReadAllText(Path.Combine(_dir, "other-ca/ca.crt")));

        var output = await OpenSsl.MustRunAsync(_dir, "verify", "-CAfile", "bundle.crt", "n1/node.crt", "n2/node.crt");

        output.Should().Contain("n1/node.crt: OK").And.Contain("n2/node.crt: OK");
    }

    [Fact]
    public async Task Openssl_shows_the_identity_uri_and_the_extra_names()
    {
        var output = await OpenSsl.MustRunAsync(_dir, "x509", "-in", "n1/node.crt", "-noout", "-ext", "subjectAltName");

        output.Should().Contain("URI:meshactors://alpha/n1").And.Contain("DNS:n1.mesh.local").And.Contain("IP Address:10.1.2.3");
    }

    [Fact]
    public async Task Openssl_shows_server_and_client_authentication()
    {
        var output = await OpenSsl.MustRunAsync(_dir, "x509", "-in", "n1/node.crt", "-noout", "-ext", "extendedKeyUsage,basicConstraints,keyUsage");

        output.Should().Contain("TLS Web Server Authentication, TLS Web Client Authentication")
            .And.Contain("CA:FALSE").And.Contain("Digital Signature");
    }

    [Fact]
    public async Task Openssl_sees_a_critical_ca_that_signs_certificates()
    {
        var output = await OpenSsl.MustRunAsync(_dir, "x509", "-in", "ca/ca.crt", "-noout", "-subject", "-ext", "basicConstraints,keyUsage,subjectAltName");

        output.Should().Contain("CN = MeshActors CA alpha").And.Contain("Basic Constraints: critical").And.Contain("CA:TRUE")
            .And.Contain("Key Usage: critical").And.Contain("Certificate Sign, CRL Sign").And.Contain("URI:meshactors://alpha");
    }

    [Theory]
    [InlineData("n1/node.key")]
    [InlineData("ca/ca.key")]
    public async Task Openssl_accepts_the_private_keys(string key)
    {
        await OpenSsl.MustRunAsync(_dir, "pkey", "-in", key, "-noout");
        var text = await OpenSsl.MustRunAsync(_dir, "pkey", "-in", key, "-noout", "-text");
        text.Should().Contain("P-256");
    }

    [Fact]
    public async Task The_fingerprint_is_the_sha256_of_the_key_openssl_extracts()
    {
        await OpenSsl.MustRunAsync(_dir, "x509", "-in", "n1/node.crt", "-pubkey", "-noout", "-out", "pub.pem");
        await OpenSsl.MustRunAsync(_dir, "pkey", "-pubin", "-in", "pub.pem", "-outform", "DER", "-out", "pub.der");
        var digest = await OpenSsl.MustRunAsync(_dir, "dgst", "-sha256", "-r", "pub.der");

        using var node = NodeCredentials.Load(Path.Combine(_dir, "n1/node.crt"), Path.Combine(_dir, "n1/node.key"));
        PublicKeyFingerprint.Of(node).Should().Be("sha256:" + digest.Split(' ')[0]);
    }

    [Fact]
    public async Task Certificates_made_by_openssl_are_loaded_and_accepted()
    {
        var dir = Path.Combine(_dir, "ossl");
        Directory.CreateDirectory(dir);
        await OpenSsl.MustRunAsync(dir, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
            "-keyout", "ca.key", "-out", "ca.crt", "-subj", "/CN=OpenSSL CA", "-days", "30",
            "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign",
            "-addext", "subjectAltName=URI:meshactors://alpha");
        await OpenSsl.MustRunAsync(dir, "req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
            "-keyout", "node.key", "-out", "node.csr", "-subj", "/CN=n9");
        File.WriteAllText(Path.Combine(dir, "ext.cnf"),
            "basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth,clientAuth\nsubjectAltName=URI:meshactors://alpha/n9\n");
        await OpenSsl.MustRunAsync(dir, "x509", "-req", "-in", "node.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial",
            "-days", "10", "-extfile", "ext.cnf", "-out", "node.crt");

        using var ca = CertificateAuthority.Load(dir);
        using var node = NodeCredentials.Load(Path.Combine(dir, "node.crt"), Path.Combine(dir, "node.key"));
        var result = new PeerCertificateValidator([ca.Certificate], TimeProvider.System).Check(node, null, "alpha", null);

        ca.ClusterId.Should().Be("alpha");
        node.HasPrivateKey.Should().BeTrue();
        (result.Problem, result.ClusterId, result.NodeId).Should().Be((CertificateProblem.None, "alpha", "n9"), result.Detail);
    }
}
