using System.Security.Cryptography.X509Certificates;
using MeshActors.Transport;
using MeshActors.Transport.Http2;
using MeshActors.Transport.Wire;

namespace MeshActors.Security;

/// <summary>
/// Gives the HTTP/2 transport the node's current certificate and the cluster's judgement of a
/// peer's, from a reloading <see cref="TlsCredentialStore"/>: a rotated certificate or CA bundle is
/// used for the next connection. Pinned keys are not checked here but in the handshake, where the
/// node id the peer claims is known.
/// </summary>
public sealed class ClusterPeerTls : IPeerTls
{
    private readonly TlsCredentialStore _store;
    private readonly string _clusterId;
    private readonly TimeProvider _time;
    private CachedValidator? _validator;

    /// <summary>Judges peers of <paramref name="clusterId"/> with the CAs in <paramref name="store"/>.</summary>
    public ClusterPeerTls(TlsCredentialStore store, string clusterId, TimeProvider time)
    {
        _store = store;
        _clusterId = clusterId;
        _time = time;
    }

    /// <inheritdoc />
    public X509Certificate2 CurrentCertificate => _store.Current.NodeCertificate;

    /// <inheritdoc />
    public CertificateVerdict Verify(X509Certificate2? presented)
    {
        var result = Validator().Check(presented, null, _clusterId, pinnedFingerprint: null);
        return new CertificateVerdict(Reason(result.Problem), result.Detail, result.NodeId, result.Fingerprint);
    }

    /// <inheritdoc />
    public string Fingerprint(X509Certificate2 certificate) => PublicKeyFingerprint.Of(certificate);

    /// <summary>The refusal reason code for a certificate problem.</summary>
    public static RefusalReason? Reason(CertificateProblem problem) => problem switch
    {
        CertificateProblem.None => null,
        CertificateProblem.Missing => RefusalReason.MissingCertificate,
        CertificateProblem.Expired => RefusalReason.CertificateExpired,
        CertificateProblem.NotYetValid => RefusalReason.CertificateNotYetValid,
        CertificateProblem.OtherCluster => RefusalReason.CertificateForOtherCluster,
        CertificateProblem.PinnedKeyMismatch => RefusalReason.PinnedKeyMismatch,
        _ => RefusalReason.UntrustedCertificate,
    };

    private PeerCertificateValidator Validator()
    {
        // Handshakes run concurrently: the cache is one immutable reference, swapped whole, so a
        // reader never pairs a new version with the validator of an older CA bundle.
        var version = _store.Version;
        var cached = Volatile.Read(ref _validator);
        if (cached is not null && cached.Version == version)
        {
            return cached.Validator;
        }

        var fresh = new CachedValidator(version, new PeerCertificateValidator(_store.Current.TrustedCas, _time));
        Volatile.Write(ref _validator, fresh);
        return fresh.Validator;
    }

    private sealed record CachedValidator(long Version, PeerCertificateValidator Validator);
}
