using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace MeshActors.Events.Envelope;

/// <summary>
/// Signs events with the private key of this node's cluster certificate: ECDSA (the P-256 keys
/// <c>meshctl cert issue</c> creates) as <see cref="SignatureAlgorithm.EcdsaSha256"/>, or RSA (an
/// operator's own PKI) as <see cref="SignatureAlgorithm.RsaPssSha256"/>. Owns a copy of the key.
/// </summary>
public sealed class CertificateEventSigner : IEventSigner, IDisposable
{
    private readonly ECDsa? _ecdsa;
    private readonly RSA? _rsa;

    /// <summary>A signer for <paramref name="certificate"/>'s private key.</summary>
    /// <exception cref="ArgumentException">The certificate has no ECDSA or RSA private key.</exception>
    public CertificateEventSigner(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        _ecdsa = certificate.GetECDsaPrivateKey();
        _rsa = _ecdsa is null ? certificate.GetRSAPrivateKey() : null;
        if (_ecdsa is null && _rsa is null)
        {
            throw new ArgumentException($"the certificate {certificate.Subject} has no ECDSA or RSA private key to sign events with; load it with its key (node.crt and node.key)", nameof(certificate));
        }

        Algorithm = _ecdsa is not null ? SignatureAlgorithm.EcdsaSha256 : SignatureAlgorithm.RsaPssSha256;
    }

    /// <inheritdoc />
    public SignatureAlgorithm Algorithm { get; }

    /// <inheritdoc />
    public byte[] Sign(ReadOnlySpan<byte> signedBytes) =>
        _ecdsa is not null
            ? _ecdsa.SignData(signedBytes, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation)
            : _rsa!.SignData(signedBytes.ToArray(), HashAlgorithmName.SHA256, RSASignaturePadding.Pss);

    /// <summary>Releases the key.</summary>
    public void Dispose()
    {
        _ecdsa?.Dispose();
        _rsa?.Dispose();
    }
}
