using System.Security.Cryptography.X509Certificates;

namespace MeshActors.Security;

/// <summary>An immutable snapshot of what a node presents and whom it trusts, as loaded by <see cref="TlsCredentialStore"/>.</summary>
/// <param name="NodeCertificate">The node certificate with its private key; used as both TLS server and client certificate.</param>
/// <param name="TrustedCas">The cluster CAs whose certificates this node accepts; two during a CA rotation.</param>
/// <param name="Fingerprint">The <see cref="PublicKeyFingerprint"/> of the node certificate's key.</param>
public sealed record TlsCredentials(
    X509Certificate2 NodeCertificate,
    IReadOnlyList<X509Certificate2> TrustedCas,
    string Fingerprint);
