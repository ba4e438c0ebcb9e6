using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MeshActors.Security;

namespace MeshActors.Tests.Security;

public sealed class MeshIdentityTests
{
    [Theory]
    [InlineData("alpha", "n1")]
    [InlineData("Payments-Prod", "Node_7")]
    [InlineData("1.2", "10.0.0.5")]
    [InlineData("a", "b.c-d_e")]
    public void An_issued_certificate_carries_exactly_its_ids(string clusterId, string nodeId)
    {
        using var ca = CertificateAuthority.Create(clusterId, TestPki.Clock(), TimeSpan.FromDays(30));
        using var node = NodeCertificateIssuer.Issue(ca, clusterId, nodeId, TestPki.Clock(), TimeSpan.FromDays(1));

        MeshIdentity.TryRead(node, out var cluster, out var id).Should().BeTrue();

        (cluster, id).Should().Be((clusterId, nodeId), "ids keep their case and are not rewritten as URI hosts");
        MeshIdentity.TryReadCluster(ca.Certificate, out var caCluster).Should().BeTrue();
        caCluster.Should().Be(clusterId);
    }

    [Theory]
    [InlineData(new string[0], false)]
    [InlineData(new[] { "https://example.com/x" }, false)]
    [InlineData(new[] { "meshactors://alpha" }, false)]
    [InlineData(new[] { "meshactors://alpha/n1/extra" }, false)]
    [InlineData(new[] { "meshactors://alpha/bad id" }, false)]
    [InlineData(new[] { "meshactors://alpha/n1", "meshactors://alpha/n2" }, false)]
    [InlineData(new[] { "spiffe://example.org/x", "meshactors://alpha/n1" }, true)]
    [InlineData(new[] { "meshactors://alpha/n1" }, true)]
    public void TryRead_accepts_exactly_one_well_formed_node_uri(string[] uris, bool expected)
    {
        using var certificate = WithUris(uris);

        MeshIdentity.TryRead(certificate, out var cluster, out var node).Should().Be(expected);

        (cluster, node).Should().Be(expected ? ("alpha", "n1") : (string.Empty, string.Empty));
    }

    [Fact]
    public void A_certificate_without_subject_alternative_names_has_no_identity()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var certificate = new CertificateRequest("CN=plain", key, HashAlgorithmName.SHA256).CreateSelfSigned(TestPki.Now, TestPki.Now.AddDays(1));

        MeshIdentity.TryRead(certificate, out _, out _).Should().BeFalse();
        MeshIdentity.TryReadCluster(certificate, out _).Should().BeFalse();
    }

    [Theory]
    [InlineData("alpha", true)]
    [InlineData("a-b_c.d", true)]
    [InlineData("9lives", true)]
    [InlineData("", false)]
    [InlineData(null, false)]
    [InlineData("-alpha", false)]
    [InlineData("has space", false)]
    [InlineData("slash/y", false)]
    [InlineData("ünïcode", false)]
    public void IsValidId_follows_the_id_rule(string? id, bool expected) => MeshIdentity.IsValidId(id).Should().Be(expected);

    [Fact]
    public void Ids_longer_than_64_characters_are_refused()
    {
        MeshIdentity.IsValidId(new string('a', 64)).Should().BeTrue();
        MeshIdentity.IsValidId(new string('a', 65)).Should().BeFalse();
        var act = () => MeshIdentity.NodeUri("alpha", new string('a', 65));
        act.Should().Throw<ArgumentException>().WithParameterName("nodeId");
    }

    private static X509Certificate2 WithUris(IEnumerable<string> uris)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=test", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("test.example");
        foreach (var uri in uris)
        {
            names.AddUri(new Uri(uri));
        }

        request.CertificateExtensions.Add(names.Build());
        return request.CreateSelfSigned(TestPki.Now, TestPki.Now.AddDays(1));
    }
}
