namespace MeshActors.Security;

/// <summary>The outcome of <see cref="PeerCertificateValidator.Check"/>.</summary>
/// <param name="Problem">Why the certificate was refused, or <see cref="CertificateProblem.None"/>.</param>
/// <param name="Detail">Human text for logs and refusals: the subject, the dates, what was expected and what was found.</param>
/// <param name="ClusterId">The cluster id the certificate names, when it carries a MeshActors identity.</param>
/// <param name="NodeId">The node id the certificate names, when it carries a MeshActors identity.</param>
/// <param name="Fingerprint">The <see cref="PublicKeyFingerprint"/> of the presented key, when a certificate was presented.</param>
public sealed record CertificateCheckResult(
    CertificateProblem Problem,
    string Detail,
    string? ClusterId,
    string? NodeId,
    string? Fingerprint)
{
    /// <summary>Whether the certificate passed every check.</summary>
    public bool IsValid => Problem == CertificateProblem.None;
}
