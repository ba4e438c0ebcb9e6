using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace MeshActors.Security;

/// <summary>
/// Issues node certificates: ECDSA P-256, subject <c>CN=&lt;nodeId&gt;</c>, identity URI SAN
/// <c>meshactors://&lt;clusterId&gt;/&lt;nodeId&gt;</c>, usable as both TLS server and TLS client
/// certificate (extendedKeyUsage serverAuth and clientAuth), signed by the cluster CA.
/// </summary>
public static class NodeCertificateIssuer
{
    /// <summary>The file name of the node certificate written by <see cref="SaveNode"/>.</summary>
    public const string CertificateFileName = "node.crt";

    /// <summary>The file name of the node private key written by <see cref="SaveNode"/>.</summary>
    public const string KeyFileName = "node.key";

    private const string ServerAuthOid = "1.3.6.1.5.5.7.3.1";
    private const string ClientAuthOid = "1.3.6.1.5.5.7.3.2";

    /// <summary>Issues a node certificate with a fresh key.</summary>
    /// <param name="ca">The cluster CA that signs it.</param>
    /// <param name="clusterId">The cluster the node belongs to.</param>
    /// <param name="nodeId">The node's id; also the subject common name.</param>
    /// <param name="time">The clock that places the validity period.</param>
    /// <param name="validity">How long the certificate is valid, counted from its NotBefore.</param>
    /// <param name="dnsNames">Extra DNS names (ASCII, e.g. <c>node-1.mesh.local</c> or <c>*.mesh.local</c>) for clients that check host names.</param>
    /// <param name="ipAddresses">Extra IP addresses for clients that check host names.</param>
    /// <param name="notBefore">Start of validity; by default a few minutes before now, to tolerate clock skew. Tests use it to make expired or not-yet-valid certificates.</param>
    /// <returns>The certificate with its private key.</returns>
    /// <exception cref="ArgumentException">An id or DNS name is invalid, or the validity does not fit inside the CA's.</exception>
    public static X509Certificate2 Issue(
        CertificateAuthority ca,
        string clusterId,
        string nodeId,
        TimeProvider time,
        TimeSpan validity,
        IEnumerable<string>? dnsNames = null,
        IEnumerable<IPAddress>? ipAddresses = null,
        DateTimeOffset? notBefore = null)
    {
        ArgumentNullException.ThrowIfNull(ca);
        var uri = MeshIdentity.NodeUri(clusterId, nodeId);
        var names = (dnsNames ?? []).ToList();
        var bad = names.FirstOrDefault(n => !IsDnsName(n));
        if (bad is not null)
        {
            throw new ArgumentException($"\"{bad}\" is not a DNS name (ASCII labels of letters, digits and '-', optionally starting with '*.')", nameof(dnsNames));
        }

        var addresses = (ipAddresses ?? []).ToList();
        var (from, until) = CertificateDates.Compute(time, validity, notBefore);
        RequireInside(ca.Certificate, from, until);

        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var subject = new X500DistinguishedNameBuilder();
        subject.AddCommonName(nodeId);
        var request = new CertificateRequest(subject.Build(), key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: false, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(ServerAuthOid), new Oid(ClientAuthOid)], critical: false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca.Certificate, includeKeyIdentifier: true, includeIssuerAndSerial: false));
        request.CertificateExtensions.Add(SubjectAlternativeNames.Build([uri], names, addresses));

        using var issued = request.Create(ca.Certificate, from, until, SerialNumber());
        return issued.CopyWithPrivateKey(key);
    }

    /// <summary>
    /// Writes <c>node.crt</c> (PEM certificate) and <c>node.key</c> (PEM PKCS#8, mode 0600 on Unix)
    /// into <paramref name="dir"/>, creating the folder; existing files are replaced. The key is
    /// written first, so a reader that sees the new certificate finds its key.
    /// </summary>
    /// <exception cref="ArgumentException">The certificate has no ECDSA private key.</exception>
    /// <exception cref="CertificateFileException">A file cannot be written.</exception>
    public static void SaveNode(X509Certificate2 cert, string dir)
    {
        ArgumentNullException.ThrowIfNull(cert);
        using var key = cert.GetECDsaPrivateKey() ?? throw new ArgumentException("the certificate has no ECDSA private key to save", nameof(cert));
        Directory.CreateDirectory(dir);
        PemFiles.Write(Path.Combine(dir, KeyFileName), key.ExportPkcs8PrivateKeyPem(), secret: true);
        PemFiles.Write(Path.Combine(dir, CertificateFileName), cert.ExportCertificatePem(), secret: false);
    }

    private static void RequireInside(X509Certificate2 ca, DateTimeOffset from, DateTimeOffset until)
    {
        var (caFrom, caUntil) = (CertificateDates.NotBefore(ca), CertificateDates.NotAfter(ca));
        if (from < caFrom)
        {
            throw new ArgumentOutOfRangeException("notBefore", from, $"the certificate would start at {CertificateDates.Format(from)}, before its CA ({CertificateDates.Format(caFrom)})");
        }

        if (until > caUntil)
        {
            throw new ArgumentOutOfRangeException("validity", until, $"the certificate would expire at {CertificateDates.Format(until)}, after its CA ({CertificateDates.Format(caUntil)}); issue it for a shorter time or create a new CA");
        }
    }

    /// <summary>16 random bytes, positive and minimally encoded (RFC 5280 §4.1.2.2: at most 20 octets).</summary>
    private static byte[] SerialNumber()
    {
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] = (byte)((serial[0] & 0x7F) | 0x40);
        return serial;
    }

    private static bool IsDnsName(string name)
    {
        var labels = (name.StartsWith("*.", StringComparison.Ordinal) ? name[2..] : name).Split('.');
        return name.Length <= 253 && labels.All(l =>
            l.Length is > 0 and <= 63 && l[0] != '-' && l[^1] != '-' && l.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'));
    }
}
