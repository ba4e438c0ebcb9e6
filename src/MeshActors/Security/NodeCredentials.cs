using System.Security.Cryptography.X509Certificates;

namespace MeshActors.Security;

/// <summary>Loads a node's certificate and private key from PEM files, ready for <c>SslStream</c> and Kestrel.</summary>
public static class NodeCredentials
{
    private const string Fix = "issue the node certificate with 'meshctl cert issue', or point the setting at the right file";

    /// <summary>
    /// Reads the certificate (<paramref name="certPath"/>, the first PEM certificate) and its
    /// private key (<paramref name="keyPath"/>, PEM PKCS#8, SEC1 or PKCS#1; ECDSA or RSA).
    /// </summary>
    /// <returns>The certificate with its private key.</returns>
    /// <exception cref="CertificateFileException">A file is missing or corrupt, or the key does not belong to the certificate; the message names the file.</exception>
    public static X509Certificate2 Load(string certPath, string keyPath)
    {
        var certificate = PemFiles.ReadCertificateWithKey(certPath, keyPath, Fix);
        if (!OperatingSystem.IsWindows())
        {
            // OpenSSL-backed platforms use the paired key as it is.
            return certificate;
        }

        // SChannel cannot use a key that only lives in memory: round-trip through PKCS#12.
        using (certificate)
        {
            return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), password: null);
        }
    }
}
