namespace MeshActors.Security;

/// <summary>
/// Self-made certificates for development, kept under <c>&lt;data-dir&gt;/dev-tls/</c>: a cluster
/// CA (10 years) created once, and a node certificate (1 year; also naming localhost and the
/// loopback addresses) issued again whenever it is missing, unreadable, for another node or
/// cluster, not signed by that CA, or expiring within 7 days. The CA is replaced only when it names another cluster or expires within 7 days.
/// Never for production: every data dir gets its own CA, so nodes trust each other only when
/// they share one. Not safe against two processes ensuring the same folder at once.
/// </summary>
public static class DevelopmentCertificates
{
    /// <summary>The folder under the data dir.</summary>
    public const string FolderName = "dev-tls";

    /// <summary>How long a development CA is valid.</summary>
    public static readonly TimeSpan CaValidity = TimeSpan.FromDays(3650);

    /// <summary>How long a development node certificate is valid.</summary>
    public static readonly TimeSpan NodeValidity = TimeSpan.FromDays(365);

    /// <summary>A certificate expiring sooner than this is replaced.</summary>
    public static readonly TimeSpan RenewBefore = TimeSpan.FromDays(7);

    /// <summary>Makes sure valid development certificates for this node exist and returns their paths.</summary>
    /// <param name="dataDir">The node's data dir; the files go to its <c>dev-tls</c> folder.</param>
    /// <param name="clusterId">The cluster the node belongs to.</param>
    /// <param name="nodeId">The node's id.</param>
    /// <param name="time">The clock that decides validity and expiry.</param>
    /// <returns>The CA certificate, node certificate and node key files.</returns>
    /// <exception cref="ArgumentException">An id is invalid.</exception>
    /// <exception cref="CertificateFileException">A file cannot be written, or the CA files exist but are corrupt (delete the folder to start over).</exception>
    public static (string CaPath, string CertPath, string KeyPath) Ensure(string dataDir, string clusterId, string nodeId, TimeProvider time)
    {
        MeshIdentity.RequireValidId(clusterId, nameof(clusterId));
        MeshIdentity.RequireValidId(nodeId, nameof(nodeId));
        ArgumentNullException.ThrowIfNull(time);
        var dir = Path.Combine(Path.GetFullPath(dataDir), FolderName);
        var caPath = Path.Combine(dir, CertificateAuthority.CertificateFileName);
        var certPath = Path.Combine(dir, NodeCertificateIssuer.CertificateFileName);
        var keyPath = Path.Combine(dir, NodeCertificateIssuer.KeyFileName);
        var now = time.GetUtcNow();

        var (ca, caIsNew) = EnsureCa(dir, caPath, clusterId, now, time);
        using (ca)
        {
            if (caIsNew || NodeNeedsIssuing(ca, certPath, keyPath, clusterId, nodeId, now, time))
            {
                var remaining = CertificateDates.NotAfter(ca.Certificate) - (now - CertificateDates.ClockSkewAllowance);
                using var node = NodeCertificateIssuer.Issue(ca, clusterId, nodeId, time, remaining < NodeValidity ? remaining : NodeValidity, ["localhost"], [System.Net.IPAddress.Loopback, System.Net.IPAddress.IPv6Loopback]);
                NodeCertificateIssuer.SaveNode(node, dir);
            }
        }

        return (caPath, certPath, keyPath);
    }

    private static (CertificateAuthority Ca, bool IsNew) EnsureCa(string dir, string caPath, string clusterId, DateTimeOffset now, TimeProvider time)
    {
        if (File.Exists(caPath) || File.Exists(Path.Combine(dir, CertificateAuthority.KeyFileName)))
        {
            var existing = CertificateAuthority.Load(dir);
            if (existing.ClusterId == clusterId && CertificateDates.NotAfter(existing.Certificate) - now > RenewBefore)
            {
                return (existing, false);
            }

            existing.Dispose();
        }

        var ca = CertificateAuthority.Create(clusterId, time, CaValidity);
        ca.Save(dir);
        return (ca, true);
    }

    private static bool NodeNeedsIssuing(CertificateAuthority ca, string certPath, string keyPath, string clusterId, string nodeId, DateTimeOffset now, TimeProvider time)
    {
        try
        {
            using var node = NodeCredentials.Load(certPath, keyPath);
            var check = new PeerCertificateValidator([ca.Certificate], time).Check(node, null, clusterId, null);
            return !check.IsValid || check.NodeId != nodeId || CertificateDates.NotAfter(node) - now <= RenewBefore;
        }
        catch (CertificateFileException)
        {
            return true;
        }
    }
}
