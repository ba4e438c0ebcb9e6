using System.Security.Cryptography.X509Certificates;

namespace MeshActors.Security;

/// <summary>
/// Decides whether a peer's TLS certificate belongs to a node of this cluster. Checks, in order:
/// a certificate is present; it is inside its validity period (by the injected clock, so expiry
/// gets its own reason even though the chain would fail too); it chains to one of the trusted CAs
/// through CA certificates only; it carries a node identity; the identity names the expected
/// cluster; its key matches the pinned fingerprint, when one is given. Several trusted CAs may be
/// given at once, for the window in which a cluster rotates its CA.
/// </summary>
public sealed class PeerCertificateValidator
{
    private readonly TimeProvider _time;

    /// <summary>Creates a validator that trusts <paramref name="trustedCas"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="trustedCas"/> is empty.</exception>
    public PeerCertificateValidator(IReadOnlyList<X509Certificate2> trustedCas, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(trustedCas);
        ArgumentNullException.ThrowIfNull(time);
        if (trustedCas.Count == 0)
        {
            throw new ArgumentException("at least one trusted CA certificate is needed", nameof(trustedCas));
        }

        TrustedCas = trustedCas;
        _time = time;
    }

    /// <summary>The CA certificates this validator trusts.</summary>
    public IReadOnlyList<X509Certificate2> TrustedCas { get; }

    /// <summary>Checks the certificate a peer presented.</summary>
    /// <param name="presented">The peer's certificate, or null when it presented none.</param>
    /// <param name="presentedChain">Further certificates the peer sent (intermediates), or null.</param>
    /// <param name="expectedClusterId">The cluster the peer must belong to.</param>
    /// <param name="pinnedFingerprint">A <see cref="PublicKeyFingerprint"/> the peer's key must have, or null.</param>
    /// <exception cref="FormatException"><paramref name="pinnedFingerprint"/> is not a fingerprint.</exception>
    public CertificateCheckResult Check(
        X509Certificate2? presented,
        IReadOnlyList<X509Certificate2>? presentedChain,
        string expectedClusterId,
        string? pinnedFingerprint)
    {
        var pinned = pinnedFingerprint is null ? null : PublicKeyFingerprint.Parse(pinnedFingerprint);
        if (presented is null)
        {
            return new(CertificateProblem.Missing, "the peer presented no certificate; every node must present its node certificate (mutual TLS)", null, null, null);
        }

        var fingerprint = PublicKeyFingerprint.Of(presented);
        var hasIdentity = MeshIdentity.TryRead(presented, out var clusterId, out var nodeId);
        var who = hasIdentity ? $"certificate \"{presented.Subject}\" of node {nodeId} in cluster {clusterId}" : $"certificate \"{presented.Subject}\"";
        CertificateCheckResult Result(CertificateProblem problem, string detail) =>
            new(problem, detail, hasIdentity ? clusterId : null, hasIdentity ? nodeId : null, fingerprint);

        var now = _time.GetUtcNow();
        var (notBefore, notAfter) = (CertificateDates.NotBefore(presented), CertificateDates.NotAfter(presented));
        if (now < notBefore)
        {
            return Result(CertificateProblem.NotYetValid, $"{who} is not valid before {CertificateDates.Format(notBefore)}; it is now {CertificateDates.Format(now)} here. Check this node's clock and the issuer's");
        }

        if (now > notAfter)
        {
            return Result(CertificateProblem.Expired, $"{who} expired at {CertificateDates.Format(notAfter)}; it is now {CertificateDates.Format(now)} here. Issue the node a new certificate");
        }

        var untrusted = CheckChain(presented, presentedChain, now);
        if (untrusted is not null)
        {
            return Result(CertificateProblem.Untrusted, $"{who} (issuer \"{presented.Issuer}\") {untrusted}; trusted: {string.Join(", ", TrustedCas.Select(c => $"\"{c.Subject}\""))}");
        }

        if (!hasIdentity)
        {
            return Result(CertificateProblem.NoIdentity, $"{who} carries no node identity (URI SAN {MeshIdentity.Scheme}://<cluster-id>/<node-id>); issue it with 'meshctl cert issue'");
        }

        if (!string.Equals(clusterId, expectedClusterId, StringComparison.Ordinal))
        {
            return Result(CertificateProblem.OtherCluster, $"{who} belongs to cluster \"{clusterId}\", expected \"{expectedClusterId}\"");
        }

        if (pinned is not null && !string.Equals(pinned, fingerprint, StringComparison.Ordinal))
        {
            return Result(CertificateProblem.PinnedKeyMismatch, $"{who} has key {fingerprint}, expected the pinned key {pinned}");
        }

        return Result(CertificateProblem.None, $"{who} is valid until {CertificateDates.Format(notAfter)}");
    }

    /// <summary>Null when the certificate chains to a trusted CA through CA certificates; otherwise why not.</summary>
    private string? CheckChain(X509Certificate2 presented, IReadOnlyList<X509Certificate2>? presentedChain, DateTimeOffset now)
    {
        using var chain = new X509Chain();
        var policy = chain.ChainPolicy;
        policy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        policy.CustomTrustStore.AddRange(TrustedCas.ToArray());
        policy.RevocationMode = X509RevocationMode.NoCheck;
        policy.DisableCertificateDownloads = true;
        policy.VerificationTime = now.UtcDateTime;
        policy.VerificationTimeIgnored = false;
        foreach (var extra in presentedChain ?? [])
        {
            if (!extra.RawDataMemory.Span.SequenceEqual(presented.RawDataMemory.Span))
            {
                policy.ExtraStore.Add(extra);
            }
        }

        if (!chain.Build(presented))
        {
            var reasons = chain.ChainStatus.Select(s => s.Status).Where(s => s != X509ChainStatusFlags.NoError).Distinct();
            return "does not chain to a trusted cluster CA (" + string.Join(", ", reasons) + ")";
        }

        var elements = chain.ChainElements;
        if (elements.Count < 2)
        {
            return "is itself in the trust list but is not signed by a CA";
        }

        for (var i = 1; i < elements.Count; i++)
        {
            var constraints = elements[i].Certificate.Extensions.OfType<X509BasicConstraintsExtension>().FirstOrDefault();
            if (constraints is not { CertificateAuthority: true })
            {
                return $"is signed by \"{elements[i].Certificate.Subject}\", which is not a CA certificate (basicConstraints CA:true)";
            }
        }

        return null;
    }
}
