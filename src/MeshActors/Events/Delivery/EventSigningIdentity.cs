using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MeshActors.Security;

namespace MeshActors.Events.Delivery;

/// <summary>
/// The certificate this node signs its events with, and the rule by which it accepts other sources'
/// certificates. With TLS on, that is the node's cluster certificate, and a source's certificate
/// must pass the same checks as a TLS peer's (<see cref="RemoteTls.Check"/>: the cluster CA, this
/// cluster's id, pinned keys). With <c>tls.mode = insecure</c> there is no certificate: each process
/// makes an ephemeral ECDSA P-256 key and a self-signed certificate naming it, and accepts any
/// self-signed certificate that names a node of this cluster. Such events are signed but <b>not
/// authenticated</b>: anyone who can reach the overlay can sign as any node id it has not seen yet.
/// </summary>
internal sealed class EventSigningIdentity
{
    private readonly Func<X509Certificate2, string?> _problem;

    private EventSigningIdentity(X509Certificate2 certificate, bool authenticated, Func<X509Certificate2, string?> problem)
    {
        Certificate = certificate;
        Der = certificate.RawData;
        Authenticated = authenticated;
        _problem = problem;
    }

    /// <summary>This node's certificate, with its private key.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>This node's certificate, DER, as it travels to neighbours.</summary>
    public byte[] Der { get; }

    /// <summary>False in insecure mode: the signatures prove nothing about who published.</summary>
    public bool Authenticated { get; }

    /// <summary>The node's cluster certificate, validated as TLS validates peers.</summary>
    public static EventSigningIdentity FromTls(RemoteTls tls) =>
        new(tls.Certificate, authenticated: true, c => tls.Check(c) is { IsValid: false } r ? r.Detail : null);

    /// <summary>An ephemeral key and self-signed certificate for <c>tls.mode = insecure</c>.</summary>
    public static EventSigningIdentity Ephemeral(string clusterId, string nodeId, TimeProvider time)
    {
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256); // the certificate keeps using it
        var request = new CertificateRequest($"CN={nodeId}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(SubjectAlternativeNames.Build([MeshIdentity.NodeUri(clusterId, nodeId)], [], []));
        var now = time.GetUtcNow();
        var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(10));
        return new(certificate, authenticated: false, c =>
            MeshIdentity.TryRead(c, out var cluster, out _) && cluster == clusterId ? null : $"certificate \"{c.Subject}\" does not name a node of cluster {clusterId}");
    }

    /// <summary>Why <paramref name="certificate"/> may not sign events of <paramref name="source"/>; null when it may.</summary>
    public string? Problem(X509Certificate2 certificate, string source)
    {
        if (!MeshIdentity.TryRead(certificate, out _, out var nodeId) || nodeId != source)
        {
            return $"certificate \"{certificate.Subject}\" does not name node {source}";
        }

        return _problem(certificate);
    }
}
