namespace MeshActors.Events.Envelope;

/// <summary>How an envelope is signed; one byte on the wire, inside the signed bytes so it cannot be swapped.</summary>
public enum SignatureAlgorithm : byte
{
    /// <summary>Not signed. Never admitted; used only for an event that is still to be signed.</summary>
    None = 0,

    /// <summary>ECDSA with SHA-256, signature in IEEE P1363 form (r ‖ s; 64 bytes on P-256, the curve
    /// <c>meshctl cert</c> issues node keys on).</summary>
    EcdsaSha256 = 1,

    /// <summary>RSA-PSS with SHA-256 (MGF1 SHA-256, salt as long as the hash), for operator-supplied RSA node certificates.</summary>
    RsaPssSha256 = 2,
}
