using System.Security.Cryptography.X509Certificates;

namespace MeshActors.Transport.Http2;

/// <summary>The TLS side of the transport: this node's certificate (current, so a rotated one is
/// used for new connections) and the judgement of a peer's certificate.</summary>
public interface IPeerTls
{
    /// <summary>This node's certificate with its private key; used as server and client certificate.</summary>
    X509Certificate2 CurrentCertificate { get; }

    /// <summary>Judges a certificate a peer presented: trust chain, validity dates, cluster identity.</summary>
    CertificateVerdict Verify(X509Certificate2? presented);

    /// <summary>The public-key fingerprint (<c>sha256:…</c>) of <paramref name="certificate"/>; cheap, no chain work.</summary>
    string Fingerprint(X509Certificate2 certificate);
}
