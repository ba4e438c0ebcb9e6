using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace MeshActors.Tests.Discovery.Fixtures;

/// <summary>A throwaway CA and a server certificate for 127.0.0.1 that it issued, generated once
/// per test run; the CA is written to a PEM file the providers are told to trust.</summary>
internal sealed class TestCertificateAuthority
{
    private static readonly Lazy<TestCertificateAuthority> Shared = new(() => new TestCertificateAuthority());

    private TestCertificateAuthority()
    {
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=MeshActors test CA", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        var now = DateTimeOffset.UtcNow;
        using var ca = caRequest.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));

        using var serverKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var serverRequest = new CertificateRequest("CN=127.0.0.1", serverKey, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        serverRequest.CertificateExtensions.Add(names.Build());
        serverRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        serverRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var issued = serverRequest.Create(ca, now.AddMinutes(-5), now.AddHours(23), [1, 2, 3, 4, 5, 6, 7, 8]);
        using var withKey = issued.CopyWithPrivateKey(serverKey);
        ServerCertificate = X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null);
        CaPemPath = Path.Combine(Path.GetTempPath(), $"meshactors-test-ca-{Environment.ProcessId}-{Guid.NewGuid():N}.pem");
        File.WriteAllText(CaPemPath, ca.ExportCertificatePem());
    }

    /// <summary>The one authority of this test run.</summary>
    public static TestCertificateAuthority Instance => Shared.Value;

    /// <summary>The server certificate (with its private key) for 127.0.0.1 and localhost.</summary>
    public X509Certificate2 ServerCertificate { get; }

    /// <summary>A PEM file holding only the CA certificate.</summary>
    public string CaPemPath { get; }
}
