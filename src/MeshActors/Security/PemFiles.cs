using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace MeshActors.Security;

/// <summary>
/// Reads and writes the PEM files of the certificate tooling. Every failure is a
/// <see cref="CertificateFileException"/> naming the file. Writes go to a temporary file that is
/// renamed into place, so a reader never sees half a file; key files are created with mode 0600.
/// </summary>
internal static class PemFiles
{
    private const UnixFileMode SecretMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const string EcPublicKeyOid = "1.2.840.10045.2.1";
    private const string RsaOid = "1.2.840.113549.1.1.1";

    public static void Write(string path, string text, bool secret)
    {
        var temporary = path + ".tmp-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (secret && !OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = SecretMode;
            }

            using (var stream = new FileStream(temporary, options))
            {
                // .NET's PEM exports lack the final newline; files get one, so that 'cat a.crt b.crt' makes a valid bundle.
                stream.Write(new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text.EndsWith('\n') ? text : text + "\n"));
            }

            if (secret && !OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temporary, SecretMode);
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }

            throw new CertificateFileException(path, "cannot be written: " + ex.Message, "check that its folder exists and is writable", ex);
        }
    }

    public static string Read(string path, string fix)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new CertificateFileException(path, "is missing", fix, ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CertificateFileException(path, "cannot be read: " + ex.Message, "check the file's permissions", ex);
        }
    }

    /// <summary>The first certificate in a PEM file.</summary>
    public static X509Certificate2 ReadCertificate(string path, string fix)
    {
        var text = Read(path, fix);
        try
        {
            return X509Certificate2.CreateFromPem(text);
        }
        catch (CryptographicException ex)
        {
            throw Corrupt(path, "a PEM certificate (-----BEGIN CERTIFICATE-----)", fix, ex);
        }
    }

    /// <summary>Every certificate in a PEM bundle; at least one.</summary>
    public static X509Certificate2Collection ReadCertificates(string path, string fix)
    {
        var text = Read(path, fix);
        var certificates = new X509Certificate2Collection();
        try
        {
            certificates.ImportFromPem(text);
        }
        catch (CryptographicException ex)
        {
            throw Corrupt(path, "PEM certificates (-----BEGIN CERTIFICATE-----)", fix, ex);
        }

        // A block cut off before its END line is skipped by ImportFromPem; count the BEGIN lines so it is not lost silently.
        var blocks = text.Split("-----BEGIN CERTIFICATE-----").Length - 1;
        if (certificates.Count == 0 || certificates.Count != blocks)
        {
            throw Corrupt(path, "complete PEM certificates (-----BEGIN CERTIFICATE----- … -----END CERTIFICATE-----)", fix, null);
        }

        return certificates;
    }

    /// <summary>Reads the certificate and its private key (PKCS#8, SEC1 or PKCS#1 PEM; ECDSA or RSA) and pairs them.</summary>
    public static X509Certificate2 ReadCertificateWithKey(string certPath, string keyPath, string fix)
    {
        using var certificate = ReadCertificate(certPath, fix);
        var keyText = Read(keyPath, fix);
        using AsymmetricAlgorithm key = certificate.PublicKey.Oid.Value switch
        {
            EcPublicKeyOid => ECDsa.Create(),
            RsaOid => RSA.Create(),
            _ => throw new CertificateFileException(certPath, $"holds a {certificate.PublicKey.Oid.FriendlyName ?? certificate.PublicKey.Oid.Value} key, which is not supported", "use an ECDSA or RSA certificate"),
        };
        try
        {
            key.ImportFromPem(keyText);
        }
        catch (Exception ex) when (ex is ArgumentException or CryptographicException)
        {
            throw Corrupt(keyPath, $"a PEM {(key is ECDsa ? "ECDSA" : "RSA")} private key (-----BEGIN PRIVATE KEY-----) like the certificate in {certPath}", fix, ex);
        }

        try
        {
            return key is ECDsa ecdsa ? certificate.CopyWithPrivateKey(ecdsa) : certificate.CopyWithPrivateKey((RSA)key);
        }
        catch (Exception ex) when (ex is ArgumentException or CryptographicException)
        {
            throw new CertificateFileException(keyPath, "is not the private key of the certificate in " + certPath, "write the key that belongs to that certificate, or issue both again", ex);
        }
    }

    private static CertificateFileException Corrupt(string path, string expected, string fix, Exception? inner) =>
        new(path, $"does not hold {expected}; it may be half-written or corrupt", fix, inner);
}
