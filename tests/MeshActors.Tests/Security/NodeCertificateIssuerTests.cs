using System.Net;
using System.Numerics;
using System.Security.Cryptography.X509Certificates;
using MeshActors.Security;

namespace MeshActors.Tests.Security;

public sealed class NodeCertificateIssuerTests
{
    [Fact]
    public void Issue_makes_a_tls_server_and_client_certificate_for_the_node()
    {
        using var node = NodeCertificateIssuer.Issue(TestPki.Alpha, "alpha", "n1", TestPki.Clock(), TimeSpan.FromDays(30),
            ["n1.mesh.local", "*.mesh.local"], [IPAddress.Parse("10.0.0.5"), IPAddress.Parse("fd00::5")]);

        node.Subject.Should().Be("CN=n1");
        node.Issuer.Should().Be("CN=MeshActors CA alpha");
        node.HasPrivateKey.Should().BeTrue();
        node.GetECDsaPublicKey()!.KeySize.Should().Be(256);
        node.Extensions.OfType<X509BasicConstraintsExtension>().Single().CertificateAuthority.Should().BeFalse();
        node.Extensions.OfType<X509KeyUsageExtension>().Single().KeyUsages.Should().Be(X509KeyUsageFlags.DigitalSignature);
        node.Extensions.OfType<X509EnhancedKeyUsageExtension>().Single().EnhancedKeyUsages.Cast<System.Security.Cryptography.Oid>()
            .Select(o => o.Value).Should().Equal("1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2");
        var names = node.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single();
        names.EnumerateDnsNames().Should().Equal("n1.mesh.local", "*.mesh.local");
        names.EnumerateIPAddresses().Should().Equal(IPAddress.Parse("10.0.0.5"), IPAddress.Parse("fd00::5"));
        MeshIdentity.TryRead(node, out var cluster, out var id).Should().BeTrue();
        (cluster, id).Should().Be(("alpha", "n1"));
    }

    [Fact]
    public void Validity_starts_five_minutes_early_unless_given()
    {
        using var usual = TestPki.Node(TestPki.Alpha, "alpha", "n1", validity: TimeSpan.FromDays(30));
        using var given = TestPki.Node(TestPki.Alpha, "alpha", "n1", TestPki.Now + TimeSpan.FromDays(2), TimeSpan.FromDays(1));

        (Utc(usual.NotBefore), Utc(usual.NotAfter)).Should().Be((TestPki.Now.AddMinutes(-5), TestPki.Now.AddMinutes(-5).AddDays(30)));
        (Utc(given.NotBefore), Utc(given.NotAfter)).Should().Be((TestPki.Now.AddDays(2), TestPki.Now.AddDays(3)));
    }

    [Fact]
    public void Serial_numbers_are_random_positive_and_128_bits()
    {
        var serials = Enumerable.Range(0, 5).Select(_ =>
        {
            using var node = TestPki.Node(TestPki.Alpha, "alpha", "n1");
            return node.SerialNumberBytes.ToArray();
        }).ToList();

        serials.Select(Convert.ToHexString).Should().OnlyHaveUniqueItems();
        serials.Should().AllSatisfy(s =>
        {
            s.Should().HaveCount(16);
            new BigInteger(s, isUnsigned: false, isBigEndian: true).Sign.Should().Be(1);
        });
    }

    [Fact]
    public void A_certificate_may_not_outlive_or_predate_its_ca()
    {
        var tooLong = () => TestPki.Node(TestPki.Alpha, "alpha", "n1", validity: TimeSpan.FromDays(20 * 365));
        var tooEarly = () => TestPki.Node(TestPki.Alpha, "alpha", "n1", TestPki.Now - TimeSpan.FromDays(1000));

        tooLong.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("validity").WithMessage("*after its CA*");
        tooEarly.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("notBefore").WithMessage("*before its CA*");
    }

    [Theory]
    [InlineData("bad id", "n1", "clusterId")]
    [InlineData("alpha", "", "nodeId")]
    [InlineData("alpha", "n/1", "nodeId")]
    public void Invalid_ids_are_refused(string clusterId, string nodeId, string parameter)
    {
        var act = () => NodeCertificateIssuer.Issue(TestPki.Alpha, clusterId, nodeId, TestPki.Clock(), TimeSpan.FromDays(1));

        act.Should().Throw<ArgumentException>().WithParameterName(parameter);
    }

    [Theory]
    [InlineData("under_score.example")]
    [InlineData("-lead.example")]
    [InlineData("a..b")]
    [InlineData("ünï.example")]
    [InlineData("")]
    public void Invalid_dns_names_are_refused(string name)
    {
        var act = () => NodeCertificateIssuer.Issue(TestPki.Alpha, "alpha", "n1", TestPki.Clock(), TimeSpan.FromDays(1), [name]);

        act.Should().Throw<ArgumentException>().WithParameterName("dnsNames");
    }

    [Fact]
    public void A_non_positive_validity_is_refused()
    {
        var act = () => TestPki.Node(TestPki.Alpha, "alpha", "n1", validity: TimeSpan.Zero);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("validity");
    }

    private static DateTimeOffset Utc(DateTime certificateTime) => new(certificateTime.ToUniversalTime());
}
