using System.Net;
using MeshActors.Security;

namespace MeshActors.Node.Tests;

/// <summary>Two certificate authorities (A and B, both for one cluster) in a temporary folder, and
/// node certificates issued by either, for tests that start nodes with real mutual TLS.</summary>
internal sealed class TlsTestPki : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("meshactors-pki-").FullName;

    public TlsTestPki(string clusterId)
    {
        CaA = CreateCa(clusterId, "ca-a");
        CaB = CreateCa(clusterId, "ca-b");
    }

    /// <summary>The CA the tests' cluster trusts.</summary>
    public CaFiles CaA { get; }

    /// <summary>Another CA, trusted by nobody unless a test says so.</summary>
    public CaFiles CaB { get; }

    public string Folder(string name) => Directory.CreateDirectory(Path.Combine(_dir, name)).FullName;

    /// <summary>Issues <paramref name="nodeId"/> a certificate for <paramref name="clusterId"/> from
    /// <paramref name="ca"/>; the node trusts that CA (or both, with <paramref name="trustBoth"/>),
    /// from a CA file of its own that a test may rewrite. The certificate names 127.0.0.1 and
    /// <paramref name="ipAddresses"/> (a node's own address in a network namespace).</summary>
    public NodeFiles Issue(string nodeId, string clusterId, CaFiles ca, bool trustBoth = false, IReadOnlyList<IPAddress>? ipAddresses = null)
    {
        var folder = Folder($"{nodeId}-{Guid.NewGuid():N}");
        using var authority = CertificateAuthority.Load(ca.Folder);
        using var cert = NodeCertificateIssuer.Issue(authority, clusterId, nodeId, TimeProvider.System, TimeSpan.FromHours(12), ipAddresses: [IPAddress.Loopback, .. ipAddresses ?? []]);
        NodeCertificateIssuer.SaveNode(cert, folder);
        var caPath = Path.Combine(folder, "trusted-ca.crt");
        File.WriteAllText(caPath, trustBoth ? File.ReadAllText(CaA.CertPath) + File.ReadAllText(CaB.CertPath) : File.ReadAllText(ca.CertPath));
        return new NodeFiles(caPath, Path.Combine(folder, NodeCertificateIssuer.CertificateFileName), Path.Combine(folder, NodeCertificateIssuer.KeyFileName), PublicKeyFingerprint.Of(cert));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private CaFiles CreateCa(string clusterId, string name)
    {
        var folder = Folder(name);
        using var ca = CertificateAuthority.Create(clusterId, TimeProvider.System, TimeSpan.FromDays(1));
        ca.Save(folder);
        return new CaFiles(folder, Path.Combine(folder, CertificateAuthority.CertificateFileName));
    }

    /// <summary>A CA's folder (as <c>meshctl cert ca</c> writes it) and its certificate file.</summary>
    public sealed record CaFiles(string Folder, string CertPath);

    /// <summary>The files a node's <c>meshactors.transport.tls</c> names, and its key's fingerprint.</summary>
    public sealed record NodeFiles(string CaPath, string CertPath, string KeyPath, string Fingerprint);
}
