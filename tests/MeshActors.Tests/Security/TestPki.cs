using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MeshActors.Security;

namespace MeshActors.Tests.Security;

/// <summary>Certificates for the security tests, all placed around one fixed instant.</summary>
internal static class TestPki
{
    /// <summary>"Now" for every test that does not say otherwise.</summary>
    public static readonly DateTimeOffset Now = new(2030, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly Lazy<CertificateAuthority> AlphaCa = new(() => NewCa("alpha"));
    private static readonly Lazy<CertificateAuthority> BetaCa = new(() => NewCa("beta"));
    private static readonly Lazy<CertificateAuthority> RogueCa = new(() => NewCa("alpha"));

    /// <summary>The CA of cluster "alpha".</summary>
    public static CertificateAuthority Alpha => AlphaCa.Value;

    /// <summary>The CA of cluster "beta".</summary>
    public static CertificateAuthority Beta => BetaCa.Value;

    /// <summary>Another CA that also calls its cluster "alpha", but that nobody trusts.</summary>
    public static CertificateAuthority Rogue => RogueCa.Value;

    public static FixedTimeProvider Clock() => new(Now);

    /// <summary>A CA valid from 100 days before <see cref="Now"/> for ten years.</summary>
    public static CertificateAuthority NewCa(string clusterId) =>
        CertificateAuthority.Create(clusterId, new FixedTimeProvider(Now - TimeSpan.FromDays(100)), TimeSpan.FromDays(3650));

    public static X509Certificate2 Node(CertificateAuthority ca, string clusterId, string nodeId, DateTimeOffset? notBefore = null, TimeSpan? validity = null) =>
        NodeCertificateIssuer.Issue(ca, clusterId, nodeId, Clock(), validity ?? TimeSpan.FromDays(365), notBefore: notBefore);

    /// <summary>A certificate signed by <paramref name="ca"/> with everything a node certificate has except the identity URI.</summary>
    public static X509Certificate2 WithoutIdentity(CertificateAuthority ca, string commonName)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=" + commonName, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(commonName + ".example");
        request.CertificateExtensions.Add(names.Build());
        using var issued = request.Create(ca.Certificate, Now - TimeSpan.FromDays(1), Now + TimeSpan.FromDays(30), [0x42, 0x01]);
        return issued.CopyWithPrivateKey(key);
    }

    /// <summary>A self-signed certificate that is not a CA, with a node identity.</summary>
    public static X509Certificate2 SelfSignedLeaf(string clusterId, string nodeId)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=" + nodeId, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        var names = new SubjectAlternativeNameBuilder();
        names.AddUri(new Uri($"meshactors://{clusterId}/{nodeId}"));
        request.CertificateExtensions.Add(names.Build());
        return request.CreateSelfSigned(Now - TimeSpan.FromDays(1), Now + TimeSpan.FromDays(30));
    }

    /// <summary>An intermediate CA signed by <paramref name="root"/>, and a node certificate it signs.</summary>
    public static (X509Certificate2 Intermediate, X509Certificate2 Node) ThroughIntermediate(CertificateAuthority root, string clusterId, string nodeId)
    {
        using var intermediateKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=Intermediate " + clusterId, intermediateKey, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));
        using var signed = request.Create(root.Certificate, Now - TimeSpan.FromDays(10), Now + TimeSpan.FromDays(100), [0x21, 0x01]);
        var intermediate = signed.CopyWithPrivateKey(intermediateKey);

        using var nodeKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var nodeRequest = new CertificateRequest("CN=" + nodeId, nodeKey, HashAlgorithmName.SHA256);
        nodeRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        var names = new SubjectAlternativeNameBuilder();
        names.AddUri(new Uri($"meshactors://{clusterId}/{nodeId}"));
        nodeRequest.CertificateExtensions.Add(names.Build());
        var node = nodeRequest.Create(intermediate, Now - TimeSpan.FromDays(1), Now + TimeSpan.FromDays(30), [0x22, 0x01]);
        return (X509CertificateLoader.LoadCertificate(intermediate.RawData), node);
    }

    /// <summary>A fresh temporary folder; the caller deletes it.</summary>
    public static string TempDir() => Directory.CreateTempSubdirectory("meshactors-security-").FullName;
}
