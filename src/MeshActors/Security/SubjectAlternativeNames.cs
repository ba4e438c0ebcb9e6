using System.Formats.Asn1;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace MeshActors.Security;

/// <summary>
/// Writes and reads the subjectAltName extension (RFC 5280 §4.2.1.6) directly in DER.
/// <see cref="SubjectAlternativeNameBuilder"/> takes a <see cref="Uri"/>, which lower-cases and
/// rewrites hosts ("1.2" becomes "1.0.0.2"); identities must keep the exact cluster id, so the
/// URI is written as given. .NET offers no reader for URI names, hence <see cref="ReadUris"/>.
/// </summary>
internal static class SubjectAlternativeNames
{
    public const string Oid = "2.5.29.17";

    private static readonly Asn1Tag DnsTag = new(TagClass.ContextSpecific, 2);
    private static readonly Asn1Tag UriTag = new(TagClass.ContextSpecific, 6);
    private static readonly Asn1Tag IpTag = new(TagClass.ContextSpecific, 7);

    /// <summary>Builds the (non-critical) extension; the subject is non-empty, so RFC 5280 allows that.</summary>
    public static X509Extension Build(IEnumerable<string> uris, IEnumerable<string> dnsNames, IEnumerable<IPAddress> addresses)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            foreach (var uri in uris)
            {
                writer.WriteCharacterString(UniversalTagNumber.IA5String, uri, UriTag);
            }

            foreach (var name in dnsNames)
            {
                writer.WriteCharacterString(UniversalTagNumber.IA5String, name, DnsTag);
            }

            foreach (var address in addresses)
            {
                writer.WriteOctetString(address.GetAddressBytes(), IpTag);
            }
        }

        return new X509Extension(Oid, writer.Encode(), critical: false);
    }

    /// <summary>Every URI name in the certificate's subjectAltName; empty when it has none or it is malformed.</summary>
    public static IReadOnlyList<string> ReadUris(X509Certificate2 certificate)
    {
        var extension = certificate.Extensions.FirstOrDefault(e => e.Oid?.Value == Oid);
        if (extension is null)
        {
            return [];
        }

        try
        {
            var uris = new List<string>();
            var reader = new AsnReader(extension.RawData, AsnEncodingRules.DER);
            var names = reader.ReadSequence();
            reader.ThrowIfNotEmpty();
            while (names.HasData)
            {
                if (names.PeekTag() == UriTag)
                {
                    uris.Add(names.ReadCharacterString(UniversalTagNumber.IA5String, UriTag));
                }
                else
                {
                    names.ReadEncodedValue();
                }
            }

            return uris;
        }
        catch (Exception ex) when (ex is AsnContentException or CryptographicException)
        {
            return [];
        }
    }
}
