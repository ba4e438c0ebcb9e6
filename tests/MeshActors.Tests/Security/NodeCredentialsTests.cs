using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MeshActors.Security;

namespace MeshActors.Tests.Security;

public sealed class NodeCredentialsTests : IDisposable
{
    private readonly string _dir = TestPki.TempDir();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string CertPath => Path.Combine(_dir, "node.crt");

    private string KeyPath => Path.Combine(_dir, "node.key");

    [Fact]
    public void SaveNode_then_Load_gives_the_certificate_with_its_key()
    {
        using var node = TestPki.Node(TestPki.Alpha, "alpha", "n1");
        NodeCertificateIssuer.SaveNode(node, _dir);

        using var loaded = NodeCredentials.Load(CertPath, KeyPath);

        loaded.RawData.Should().Equal(node.RawData);
        loaded.HasPrivateKey.Should().BeTrue();
        PublicKeyFingerprint.Of(loaded).Should().Be(PublicKeyFingerprint.Of(node));
        File.ReadAllText(KeyPath).Should().StartWith("-----BEGIN PRIVATE KEY-----");
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(KeyPath).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    [Fact]
    public void SaveNode_replaces_existing_files_and_keeps_the_key_private()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        File.WriteAllText(KeyPath, "old");
        File.SetUnixFileMode(KeyPath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);
        using var node = TestPki.Node(TestPki.Alpha, "alpha", "n1");

        NodeCertificateIssuer.SaveNode(node, _dir);

        File.GetUnixFileMode(KeyPath).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        using var loaded = NodeCredentials.Load(CertPath, KeyPath);
        loaded.RawData.Should().Equal(node.RawData);
    }

    [Fact]
    public void A_missing_certificate_is_named()
    {
        var act = () => NodeCredentials.Load(CertPath, KeyPath);

        act.Should().Throw<CertificateFileException>().Where(e => e.FilePath == CertPath).WithMessage("*node.crt: is missing*meshctl cert issue*");
    }

    [Fact]
    public void A_corrupt_key_is_named()
    {
        using var node = TestPki.Node(TestPki.Alpha, "alpha", "n1");
        NodeCertificateIssuer.SaveNode(node, _dir);
        var text = File.ReadAllText(KeyPath);
        File.WriteAllText(KeyPath, text[..(text.Length / 2)]);

        var act = () => NodeCredentials.Load(CertPath, KeyPath);

        act.Should().Throw<CertificateFileException>().Where(e => e.FilePath == KeyPath).WithMessage("*node.key: does not hold a PEM ECDSA private key*");
    }

    [Fact]
    public void The_key_of_another_certificate_is_named()
    {
        using var node = TestPki.Node(TestPki.Alpha, "alpha", "n1");
        using var other = TestPki.Node(TestPki.Alpha, "alpha", "n2");
        NodeCertificateIssuer.SaveNode(other, _dir);
        File.WriteAllText(CertPath, node.ExportCertificatePem());

        var act = () => NodeCredentials.Load(CertPath, KeyPath);

        act.Should().Throw<CertificateFileException>().Where(e => e.FilePath == KeyPath).WithMessage("*is not the private key of the certificate in*node.crt*");
    }

    [Fact]
    public void An_rsa_certificate_from_another_pki_loads_too()
    {
        using var key = RSA.Create(2048);
        using var certificate = new CertificateRequest("CN=rsa-node", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(TestPki.Now, TestPki.Now.AddDays(1));
        File.WriteAllText(CertPath, certificate.ExportCertificatePem());
        File.WriteAllText(KeyPath, key.ExportRSAPrivateKeyPem());

        using var loaded = NodeCredentials.Load(CertPath, KeyPath);

        loaded.HasPrivateKey.Should().BeTrue();
        loaded.GetRSAPrivateKey().Should().NotBeNull();
    }
}
