using MeshActors.Transport.Wire;

namespace MeshActors.Transport;

/// <summary>What the TLS layer established about a peer's certificate, for the handshake decision.</summary>
/// <param name="Refusal">Why the certificate is unacceptable, or null when it is acceptable.</param>
/// <param name="Detail">Human-readable detail (subject, dates, expected vs found).</param>
/// <param name="NodeId">The node id the certificate names, if any.</param>
/// <param name="Fingerprint">The certificate's public-key fingerprint (<c>sha256:…</c>).</param>
public sealed record CertificateVerdict(RefusalReason? Refusal, string Detail, string? NodeId, string? Fingerprint);
