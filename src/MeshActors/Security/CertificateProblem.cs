namespace MeshActors.Security;

/// <summary>Why a peer's certificate was refused, in the order <see cref="PeerCertificateValidator"/> checks.</summary>
public enum CertificateProblem
{
    /// <summary>The certificate is acceptable.</summary>
    None,

    /// <summary>The peer presented no certificate (mutual TLS requires one).</summary>
    Missing,

    /// <summary>The certificate does not chain to one of the trusted cluster CAs.</summary>
    Untrusted,

    /// <summary>The certificate's NotAfter is in the past.</summary>
    Expired,

    /// <summary>The certificate's NotBefore is in the future (often a clock that is behind).</summary>
    NotYetValid,

    /// <summary>The certificate carries no <c>meshactors://&lt;cluster&gt;/&lt;node&gt;</c> URI SAN.</summary>
    NoIdentity,

    /// <summary>The certificate names a different cluster than the one expected.</summary>
    OtherCluster,

    /// <summary>The certificate's public key does not match the pinned fingerprint.</summary>
    PinnedKeyMismatch,
}
