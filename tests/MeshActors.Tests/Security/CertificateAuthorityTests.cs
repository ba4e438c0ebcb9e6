using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MeshActors.Security;

namespace MeshActors.Tests.Security;

public sealed class CertificateAuthorityTests : IDisposable
{
    private readonly string _dir = TestPki.TempDir();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Create_makes_a_self_signed_p256_ca_for_the_cluster()
    {
        using var ca = CertificateAuthority.Create("alpha", TestPki.Clock(), TimeSpan.FromDays(10));
        var certificate = ca.Certificate;

        certificate.Subject.Should().Be("CN=MeshActors CA alpha");
        certificate.Issuer.Should().Be(certificate.Subject);
        certificate.HasPrivateKey.Should().BeTrue();
        certificate.GetECDsaPublicKey()!.KeySize.Should().Be(256);
        var constraints = certificate.Extensions.OfType<X509BasicConstraintsExtension>().Single();
        (constraints.CertificateAuthority, constraints.Critical).Should().Be((true, true));
        var usage = certificate.Extensions.OfType<X509KeyUsageExtension>().Single();
        (usage.KeyUsages, usage.Critical).Should().Be((X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        ca.ClusterId.Should().Be("alpha");
        new DateTimeOffset(certificate.NotBefore.ToUniversalTime()).Should().Be(TestPki.Now - TimeSpan.FromMinutes(5));
        new DateTimeOffset(certificate.NotAfter.ToUniversalTime()).Should().Be(TestPki.Now - TimeSpan.FromMinutes(5) + TimeSpan.FromDays(10));
    }

    [Fact]
    public void Save_and_Load_round_trip_with_a_private_key_file_only_the_owner_reads()
    {
        using var ca = CertificateAuthority.Create("alpha", TestPki.Clock(), TimeSpan.FromDays(10));
        ca.Save(_dir);

        using var loaded = CertificateAuthority.Load(_dir);

        loaded.Certificate.RawData.Should().Equal(ca.Certificate.RawData);
        loaded.ClusterId.Should().Be("alpha");
        using var key = loaded.Certificate.GetECDsaPrivateKey()!;
        byte[] data = [1, 2, 3];
        ca.Certificate.GetECDsaPublicKey()!.VerifyData(data, key.SignData(data, HashAlgorithmName.SHA256), HashAlgorithmName.SHA256).Should().BeTrue();
        File.ReadAllText(Path.Combine(_dir, "ca.key")).Should().StartWith("-----BEGIN PRIVATE KEY-----");
        File.ReadAllText(Path.Combine(_dir, "ca.crt")).Should().StartWith("-----BEGIN CERTIFICATE-----");
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(Path.Combine(_dir, "ca.key")).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        Directory.GetFiles(_dir).Select(Path.GetFileName).Should().BeEquivalentTo(["ca.crt", "ca.key"], "no temporary files are left behind");
    }

    [Fact]
    public void Load_from_an_empty_folder_names_the_missing_file_and_the_fix()
    {
        var act = () => CertificateAuthority.Load(_dir);

        act.Should().Throw<CertificateFileException>()
            .Where(e => e.FilePath == Path.Combine(_dir, "ca.crt"))
            .WithMessage("*ca.crt: is missing*meshctl cert ca*");
    }

    [Theory]
    [InlineData("ca.crt", "not a certificate", "ca.crt: does not hold a PEM certificate")]
    [InlineData("ca.crt", "-----BEGIN CERTIFICATE-----\nMIIBkTCCATeg", "ca.crt: does not hold a PEM certificate")]
    [InlineData("ca.key", "garbage", "ca.key: does not hold a PEM ECDSA private key")]
    public void Load_of_a_corrupt_file_names_it(string file, string content, string expected)
    {
        using (var ca = CertificateAuthority.Create("alpha", TestPki.Clock(), TimeSpan.FromDays(10)))
        {
            ca.Save(_dir);
        }

        File.WriteAllText(Path.Combine(_dir, file), content);

        var act = () => CertificateAuthority.Load(_dir);

        act.Should().Throw<CertificateFileException>().Where(e => e.FilePath.EndsWith(file)).WithMessage($"*{expected}*");
    }

    [Fact]
    public void Load_refuses_a_key_that_belongs_to_another_ca()
    {
        using var ca = CertificateAuthority.Create("alpha", TestPki.Clock(), TimeSpan.FromDays(10));
        ca.Save(_dir);
        var other = Path.Combine(_dir, "other");
        TestPki.Beta.Save(other);
        File.Copy(Path.Combine(other, "ca.key"), Path.Combine(_dir, "ca.key"), overwrite: true);

        var act = () => CertificateAuthority.Load(_dir);

        act.Should().Throw<CertificateFileException>().WithMessage("*ca.key: is not the private key of the certificate in *ca.crt*");
    }

    [Fact]
    public void Load_refuses_a_node_certificate_in_place_of_the_ca()
    {
        using var node = TestPki.Node(TestPki.Alpha, "alpha", "n1");
        NodeCertificateIssuer.SaveNode(node, _dir);
        File.Move(Path.Combine(_dir, "node.crt"), Path.Combine(_dir, "ca.crt"));
        File.Move(Path.Combine(_dir, "node.key"), Path.Combine(_dir, "ca.key"));

        var act = () => CertificateAuthority.Load(_dir);

        act.Should().Throw<CertificateFileException>().WithMessage("*ca.crt: holds CN=n1, which is not a CA certificate*");
    }

    [Theory]
    [InlineData("")]
    [InlineData("bad id")]
    [InlineData("-x")]
    public void Create_refuses_an_invalid_cluster_id(string clusterId)
    {
        var act = () => CertificateAuthority.Create(clusterId, TestPki.Clock(), TimeSpan.FromDays(1));

        act.Should().Throw<ArgumentException>().WithParameterName("clusterId");
    }
}
