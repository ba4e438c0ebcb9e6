using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Akka.Event;
using Akka.Remote.Transport.DotNetty;
using MeshActors.Configuration;
using MeshActors.Diagnostics;

namespace MeshActors.Security;

/// <summary>
/// Mutual TLS for Akka.Remote: this node's certificate and the <see cref="CertificateValidationCallback"/>
/// that DotNetty calls for every handshake, inbound and outbound. A peer is accepted only if its
/// certificate chains to the configured cluster CA bundle (never the OS store), is within its
/// validity dates, names this cluster in its URI SAN, and matches a pinned key where one is set
/// for its node id. Every refusal is an audit event (4001) and a metric, and the TLS handshake
/// fails, so the peer never becomes a member. The CA bundle is re-read when its file changes, so
/// a CA rotation applies to new handshakes without a restart; the node's own certificate is read
/// once, as Akka.Remote keeps it for the life of the ActorSystem.
/// </summary>
public sealed class RemoteTls
{
    private readonly TlsCredentialStore _store;
    private readonly string _clusterId;
    private readonly IReadOnlyDictionary<string, string> _pinnedKeys;
    private readonly TimeProvider _time;
    private readonly IAuditSink _audit;
    private readonly NodeMetrics _metrics;

    /// <summary>Loads the node's credentials from <paramref name="store"/>.</summary>
    public RemoteTls(TlsCredentialStore store, string clusterId, IReadOnlyDictionary<string, string> pinnedKeys, TimeProvider time, IAuditSink audit, NodeMetrics metrics)
    {
        (_store, _clusterId, _pinnedKeys, _time, _audit, _metrics) = (store, clusterId, pinnedKeys, time, audit, metrics);
        Certificate = store.Current.NodeCertificate;
    }

    /// <summary>The certificate (with its private key) this node presents, as server and as client.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>The public-key fingerprint of <see cref="Certificate"/>.</summary>
    public string Fingerprint => PublicKeyFingerprint.Of(Certificate);

    /// <summary>Akka.Remote's SSL settings: mutual authentication, no host-name check (nodes are
    /// identified by their URI SAN), validation by <see cref="Validate"/>.</summary>
    public Akka.Remote.Hosting.SslOptions ToSslOptions() => new()
    {
        X509Certificate = Certificate,
        SuppressValidation = false,
        RequireMutualAuthentication = true,
        ValidateCertificateHostname = false,
        CustomValidator = Validate,
    };

    /// <summary>Checks a peer's certificate; see the type's summary. Returns whether to accept it.</summary>
    public bool Validate(X509Certificate2? certificate, X509Chain? chain, string? remotePeer, SslPolicyErrors errors, ILoggingAdapter? log)
    {
        var extra = chain?.ChainElements.Skip(1).Select(e => e.Certificate).ToList();
        string? pinned = null;
        if (certificate is not null && MeshIdentity.TryRead(certificate, out _, out var nodeId))
        {
            _pinnedKeys.TryGetValue(nodeId, out pinned);
        }

        var validator = new PeerCertificateValidator(_store.Current.TrustedCas, _time);
        var result = validator.Check(certificate, extra, _clusterId, pinned);
        if (result.IsValid)
        {
            return true;
        }

        var reason = ReasonName(result.Problem);
        _metrics.TlsRefusals.WithLabels(reason).Inc();
        _audit.Write(new AuditEvent("tls-refused", _time.GetUtcNow(), result.NodeId, remotePeer, reason, result.Detail));
        return false;
    }

    /// <summary>Checks a certificate that reached this node other than in a TLS handshake (an event
    /// source's, relayed by a neighbour) by the same rules as <see cref="Validate"/>: the current CA
    /// bundle, this cluster, the pinned key of its node id. Counts and audits nothing; the caller does.</summary>
    public CertificateCheckResult Check(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        string? pinned = null;
        if (MeshIdentity.TryRead(certificate, out _, out var nodeId))
        {
            _pinnedKeys.TryGetValue(nodeId, out pinned);
        }

        return new PeerCertificateValidator(_store.Current.TrustedCas, _time).Check(certificate, null, _clusterId, pinned);
    }

    /// <summary>The snake-case name of a refusal reason, as used in audit events and metric labels.</summary>
    public static string ReasonName(CertificateProblem problem) => problem switch
    {
        CertificateProblem.Missing => "missing",
        CertificateProblem.Untrusted => "untrusted",
        CertificateProblem.Expired => "expired",
        CertificateProblem.NotYetValid => "not_yet_valid",
        CertificateProblem.NoIdentity => "no_identity",
        CertificateProblem.OtherCluster => "other_cluster",
        CertificateProblem.PinnedKeyMismatch => "pinned_key_mismatch",
        _ => "none",
    };
}
