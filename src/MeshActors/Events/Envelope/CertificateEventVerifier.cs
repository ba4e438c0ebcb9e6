using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MeshActors.Security;

namespace MeshActors.Events.Envelope;

/// <summary>
/// Verifies an event against the certificate of the node it names as its source. The certificate
/// comes from <c>certificateOf</c> — typically the peer certificates the mutual-TLS handshake
/// already validated against the cluster CA — and must carry that node's identity
/// (<c>meshactors://&lt;cluster&gt;/&lt;source&gt;</c>), so one node cannot sign as another.
/// </summary>
public sealed class CertificateEventVerifier : IEventVerifier
{
    private readonly Func<string, X509Certificate2?> _certificateOf;
    private readonly EnvelopeLimits _limits;

    /// <summary>A verifier that looks up a source's certificate with <paramref name="certificateOf"/>.</summary>
    /// <param name="certificateOf">The trusted certificate of a node id, or null when none is known.</param>
    /// <param name="limits">The limits the events were decoded with.</param>
    public CertificateEventVerifier(Func<string, X509Certificate2?> certificateOf, EnvelopeLimits limits)
    {
        _certificateOf = certificateOf ?? throw new ArgumentNullException(nameof(certificateOf));
        _limits = limits ?? throw new ArgumentNullException(nameof(limits));
    }

    /// <inheritdoc />
    public SignatureVerdict Verify(MeshEvent @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        var certificate = _certificateOf(@event.Source);
        if (certificate is null)
        {
            return SignatureVerdict.UnknownSource;
        }

        if (!MeshIdentity.TryRead(certificate, out _, out var nodeId) || nodeId != @event.Source)
        {
            return SignatureVerdict.SourceMismatch;
        }

        try
        {
            var signed = MeshEventCodec.SignedBytes(@event, _limits);
            return @event.Algorithm switch
            {
                SignatureAlgorithm.EcdsaSha256 => VerifyEcdsa(certificate, signed, @event.Signature.Span),
                SignatureAlgorithm.RsaPssSha256 => VerifyRsa(certificate, signed, @event.Signature.Span),
                _ => SignatureVerdict.AlgorithmMismatch,
            };
        }
        catch (Exception ex) when (ex is CryptographicException or ArgumentException)
        {
            return SignatureVerdict.Invalid;
        }
    }

    private static SignatureVerdict VerifyEcdsa(X509Certificate2 certificate, byte[] signed, ReadOnlySpan<byte> signature)
    {
        using var key = certificate.GetECDsaPublicKey();
        return key is null ? SignatureVerdict.AlgorithmMismatch
            : key.VerifyData(signed, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation) ? SignatureVerdict.Valid
            : SignatureVerdict.Invalid;
    }

    private static SignatureVerdict VerifyRsa(X509Certificate2 certificate, byte[] signed, ReadOnlySpan<byte> signature)
    {
        using var key = certificate.GetRSAPublicKey();
        return key is null ? SignatureVerdict.AlgorithmMismatch
            : key.VerifyData(signed, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pss) ? SignatureVerdict.Valid
            : SignatureVerdict.Invalid;
    }
}
