using System.Net;
using System.Security.Cryptography.X509Certificates;
using MeshActors.Security;
using MeshActors.Transport;
using MeshActors.Transport.Http2;

namespace MeshActors.Tests.Transport.Tls;

/// <summary>Real certificates for transport tests: the cluster's CA, a rogue CA, node certificates on demand.</summary>
public sealed class TestPki : IDisposable
{
    public TestPki(string clusterId = "conformance")
    {
        ClusterId = clusterId;
        // The CAs start a month ago, so that expired node certificates fit inside their lifetime.
        var monthAgo = new Security.FixedTimeProvider(DateTimeOffset.UtcNow.AddDays(-30));
        Ca = CertificateAuthority.Create(clusterId, monthAgo, TimeSpan.FromDays(90));
        RogueCa = CertificateAuthority.Create(clusterId, monthAgo, TimeSpan.FromDays(90));
    }

    public string ClusterId { get; }

    public CertificateAuthority Ca { get; }

    public CertificateAuthority RogueCa { get; }

    public X509Certificate2 Issue(string nodeId, string? clusterId = null, CertificateAuthority? by = null, DateTimeOffset? notBefore = null, TimeSpan? validity = null) =>
        NodeCertificateIssuer.Issue(by ?? Ca, clusterId ?? ClusterId, nodeId, TimeProvider.System, validity ?? TimeSpan.FromDays(7), ["localhost"], [IPAddress.Loopback], notBefore);

    /// <summary>TLS for a node presenting <paramref name="certificate"/> and trusting <paramref name="trusted"/> (default: the cluster CA).</summary>
    public IPeerTls Tls(X509Certificate2 certificate, string? clusterId = null, params CertificateAuthority[] trusted) =>
        new StaticPeerTls(certificate, new PeerCertificateValidator(trusted.Length == 0 ? [Ca.Certificate] : [.. trusted.Select(t => t.Certificate)], TimeProvider.System), clusterId ?? ClusterId);

    public void Dispose()
    {
        Ca.Dispose();
        RogueCa.Dispose();
    }

    private sealed class StaticPeerTls(X509Certificate2 certificate, PeerCertificateValidator validator, string clusterId) : IPeerTls
    {
        public X509Certificate2 CurrentCertificate => certificate;

        public CertificateVerdict Verify(X509Certificate2? presented)
        {
            var result = validator.Check(presented, null, clusterId, null);
            return new CertificateVerdict(ClusterPeerTls.Reason(result.Problem), result.Detail, result.NodeId, result.Fingerprint);
        }

        public string Fingerprint(X509Certificate2 presented) => PublicKeyFingerprint.Of(presented);
    }
}
