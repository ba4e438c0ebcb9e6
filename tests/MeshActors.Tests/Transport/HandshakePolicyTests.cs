using MeshActors.Transport;
using MeshActors.Transport.Wire;

namespace MeshActors.Tests.Transport;

public sealed class HandshakePolicyTests
{
    private static readonly ProtocolRange Local = new(1, 2);

    private static Hello Hello(string cluster = "c1", string node = "n1", uint min = 1, uint max = 2) =>
        new() { ClusterId = cluster, NodeId = node, AdvertisedAddress = "127.0.0.1:7946", MinProtocolVersion = min, MaxProtocolVersion = max };

    private static CertificateVerdict GoodCert(string node = "n1") => new(null, "ok", node, "sha256:aa");

    public static TheoryData<string, Hello, CertificateVerdict?, string?, RefusalReason?> Cases => new()
    {
        { "accepted with TLS", Hello(), GoodCert(), null, null },
        { "accepted without TLS", Hello(), null, null, null },
        { "accepted with the pinned key", Hello(), GoodCert(), "SHA256:AA", null },
        { "no node id", Hello(node: ""), GoodCert(), null, RefusalReason.MalformedHello },
        { "no cluster id", Hello(cluster: ""), GoodCert(), null, RefusalReason.MalformedHello },
        { "min above max", Hello(min: 3, max: 2), GoodCert(), null, RefusalReason.MalformedHello },
        { "version zero", Hello(min: 0, max: 0), GoodCert(), null, RefusalReason.MalformedHello },
        { "other cluster, checked before the certificate", Hello(cluster: "c2"), new(RefusalReason.UntrustedCertificate, "x", null, null), null, RefusalReason.ClusterIdMismatch },
        { "untrusted certificate", Hello(), new(RefusalReason.UntrustedCertificate, "x", "n1", "sha256:aa"), null, RefusalReason.UntrustedCertificate },
        { "expired certificate", Hello(), new(RefusalReason.CertificateExpired, "x", "n1", "sha256:aa"), null, RefusalReason.CertificateExpired },
        { "certificate of another cluster", Hello(), new(RefusalReason.CertificateForOtherCluster, "x", "n1", "sha256:aa"), null, RefusalReason.CertificateForOtherCluster },
        { "certificate names another node", Hello(node: "n1"), GoodCert("n2"), null, RefusalReason.CertificateNodeMismatch },
        { "pinned key differs", Hello(), GoodCert(), "sha256:bb", RefusalReason.PinnedKeyMismatch },
        { "pinned but insecure: no key to compare", Hello(), null, "sha256:aa", RefusalReason.PinnedKeyMismatch },
        { "versions do not overlap", Hello(min: 3, max: 4), GoodCert(), null, RefusalReason.NoCommonProtocolVersion },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Decides_each_case(string because, Hello hello, CertificateVerdict? certificate, string? pinned, RefusalReason? expected)
    {
        var decision = HandshakePolicy.Decide(hello, "c1", Local, certificate, pinned);

        decision.Refusal.Should().Be(expected, because);
        if (expected is null)
        {
            decision.Version.Should().Be(2u, "the highest version both speak");
        }
        else
        {
            decision.Detail.Should().NotBeNullOrWhiteSpace();
        }
    }

    [Theory]
    [InlineData(1u, 1u, 1u, 1u, 1u)]
    [InlineData(1u, 2u, 1u, 1u, 1u)]
    [InlineData(1u, 2u, 2u, 3u, 2u)]
    [InlineData(1u, 5u, 3u, 4u, 4u)]
    [InlineData(1u, 1u, 2u, 2u, null)]
    [InlineData(3u, 1u, 1u, 3u, null)]
    public void Negotiation_picks_the_highest_common_version(uint aMin, uint aMax, uint bMin, uint bMax, uint? expected)
    {
        new ProtocolRange(aMin, aMax).Negotiate(new ProtocolRange(bMin, bMax)).Should().Be(expected);
        new ProtocolRange(bMin, bMax).Negotiate(new ProtocolRange(aMin, aMax)).Should().Be(expected, "negotiation is symmetric");
    }
}
