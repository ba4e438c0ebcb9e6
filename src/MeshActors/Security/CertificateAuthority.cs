using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace MeshActors.Security;

/// <summary>
/// A cluster's certificate authority: a self-signed ECDSA P-256 certificate that signs the node
/// certificates of one cluster. Its certificate (<c>ca.crt</c>) goes to every node as the trust
/// anchor; its key (<c>ca.key</c>) stays with whoever issues node certificates.
/// </summary>
public sealed class CertificateAuthority : IDisposable
{
    /// <summary>The file name of the CA certificate written by <see cref="Save"/>.</summary>
    public const string CertificateFileName = "ca.crt";

    /// <summary>The file name of the CA private key written by <see cref="Save"/>.</summary>
    public const string KeyFileName = "ca.key";

    private CertificateAuthority(X509Certificate2 certificate, string clusterId)
    {
        Certificate = certificate;
        ClusterId = clusterId;
    }

    /// <summary>The CA certificate, with its private key.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>The cluster this CA signs node certificates for, from its <c>meshactors://&lt;cluster&gt;</c> URI SAN.</summary>
    public string ClusterId { get; }

    /// <summary>
    /// Creates a self-signed CA: subject <c>CN=MeshActors CA &lt;clusterId&gt;</c>, basicConstraints
    /// CA:true (critical), keyUsage keyCertSign and cRLSign (critical), URI SAN
    /// <c>meshactors://&lt;clusterId&gt;</c>, valid from a few minutes before now for <paramref name="validity"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The cluster id is invalid or the validity is not positive.</exception>
    public static CertificateAuthority Create(string clusterId, TimeProvider time, TimeSpan validity)
    {
        var uri = MeshIdentity.ClusterUri(clusterId);
        var (notBefore, notAfter) = CertificateDates.Compute(time, validity, notBefore: null);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var subject = new X500DistinguishedNameBuilder();
        subject.AddCommonName("MeshActors CA " + clusterId);
        var request = new CertificateRequest(subject.Build(), key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, critical: true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        request.CertificateExtensions.Add(SubjectAlternativeNames.Build([uri], [], []));
        return new CertificateAuthority(request.CreateSelfSigned(notBefore, notAfter), clusterId);
    }

    /// <summary>
    /// Writes <c>ca.crt</c> (PEM certificate) and <c>ca.key</c> (PEM PKCS#8, mode 0600 on Unix)
    /// into <paramref name="dir"/>, creating the folder; existing files are replaced.
    /// </summary>
    /// <exception cref="CertificateFileException">A file cannot be written.</exception>
    public void Save(string dir)
    {
        Directory.CreateDirectory(dir);
        using var key = Certificate.GetECDsaPrivateKey() ?? throw new InvalidOperationException("the CA certificate has no ECDSA private key");
        PemFiles.Write(Path.Combine(dir, KeyFileName), key.ExportPkcs8PrivateKeyPem(), secret: true);
        PemFiles.Write(Path.Combine(dir, CertificateFileName), Certificate.ExportCertificatePem(), secret: false);
    }

    /// <summary>Loads a CA written by <see cref="Save"/> (or by OpenSSL with the same layout) from <paramref name="dir"/>.</summary>
    /// <exception cref="CertificateFileException">A file is missing or corrupt, the key does not match, or the certificate is not a MeshActors CA.</exception>
    public static CertificateAuthority Load(string dir)
    {
        var certPath = Path.Combine(dir, CertificateFileName);
        var keyPath = Path.Combine(dir, KeyFileName);
        const string Fix = "point at the folder 'meshctl cert ca --out' wrote, or create a CA there with 'meshctl cert ca'";
        var certificate = PemFiles.ReadCertificateWithKey(certPath, keyPath, Fix);
        var constraints = certificate.Extensions.OfType<X509BasicConstraintsExtension>().FirstOrDefault();
        string? problem = null;
        var clusterId = string.Empty;
        if (constraints is not { CertificateAuthority: true })
        {
            problem = "which is not a CA certificate (basicConstraints CA:true)";
        }
        else if (!MeshIdentity.TryReadCluster(certificate, out clusterId))
        {
            problem = $"which names no cluster (URI SAN {MeshIdentity.Scheme}://<cluster-id>)";
        }

        if (problem is null)
        {
            return new CertificateAuthority(certificate, clusterId);
        }

        var subject = certificate.Subject;
        certificate.Dispose();
        throw new CertificateFileException(certPath, $"holds {subject}, {problem}", Fix);
    }

    /// <summary>Releases the CA's private key.</summary>
    public void Dispose() => Certificate.Dispose();
}
