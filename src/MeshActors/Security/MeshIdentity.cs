using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography.X509Certificates;
using MeshActors.Configuration;

namespace MeshActors.Security;

/// <summary>
/// The identity a certificate carries: a URI subject alternative name
/// <c>meshactors://&lt;cluster-id&gt;/&lt;node-id&gt;</c> for a node, <c>meshactors://&lt;cluster-id&gt;</c>
/// for a cluster CA. Ids are case-sensitive and compared exactly.
/// </summary>
public static class MeshIdentity
{
    /// <summary>The URI scheme of MeshActors identities.</summary>
    public const string Scheme = "meshactors";

    private const string SchemePrefix = Scheme + "://";

    /// <summary>What a valid cluster or node id looks like, for error messages.</summary>
    public const string IdRule = "letters, digits, '-', '_' and '.', starting with a letter or digit, at most 64 characters";

    /// <summary>Whether <paramref name="id"/> is a valid cluster or node id (<see cref="IdRule"/>).</summary>
    public static bool IsValidId([NotNullWhen(true)] string? id) => id is not null && ConfigReader.IsIdentifier(id);

    /// <summary>The identity URI of a node: <c>meshactors://&lt;clusterId&gt;/&lt;nodeId&gt;</c>.</summary>
    /// <exception cref="ArgumentException">An id is not valid.</exception>
    public static string NodeUri(string clusterId, string nodeId)
    {
        RequireValidId(clusterId, nameof(clusterId));
        RequireValidId(nodeId, nameof(nodeId));
        return SchemePrefix + clusterId + "/" + nodeId;
    }

    /// <summary>The identity URI of a cluster CA: <c>meshactors://&lt;clusterId&gt;</c>.</summary>
    /// <exception cref="ArgumentException">The id is not valid.</exception>
    public static string ClusterUri(string clusterId)
    {
        RequireValidId(clusterId, nameof(clusterId));
        return SchemePrefix + clusterId;
    }

    /// <summary>
    /// Reads the node identity of <paramref name="certificate"/>. False when it has no node
    /// identity URI, when an id in it is not valid, or when it names more than one node.
    /// </summary>
    public static bool TryRead(X509Certificate2 certificate, out string clusterId, out string nodeId)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        clusterId = nodeId = string.Empty;
        var found = 0;
        foreach (var path in MeshUriPaths(certificate))
        {
            var slash = path.IndexOf('/', StringComparison.Ordinal);
            if (slash > 0 && IsValidId(path[..slash]) && IsValidId(path[(slash + 1)..]))
            {
                (clusterId, nodeId) = (path[..slash], path[(slash + 1)..]);
                found++;
            }
        }

        if (found != 1)
        {
            clusterId = nodeId = string.Empty;
        }

        return found == 1;
    }

    /// <summary>Reads the cluster identity of a CA certificate (<c>meshactors://&lt;clusterId&gt;</c>, a trailing slash allowed, exactly one).</summary>
    public static bool TryReadCluster(X509Certificate2 certificate, out string clusterId)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var clusters = MeshUriPaths(certificate).Select(p => p.EndsWith('/') ? p[..^1] : p).Where(p => IsValidId(p)).ToList();
        clusterId = clusters.Count == 1 ? clusters[0] : string.Empty;
        return clusters.Count == 1;
    }

    internal static void RequireValidId(string id, string parameterName)
    {
        if (!IsValidId(id))
        {
            throw new ArgumentException($"\"{id}\" is not a valid id ({IdRule})", parameterName);
        }
    }

    private static IEnumerable<string> MeshUriPaths(X509Certificate2 certificate) =>
        SubjectAlternativeNames.ReadUris(certificate)
            .Where(u => u.StartsWith(SchemePrefix, StringComparison.Ordinal))
            .Select(u => u[SchemePrefix.Length..]);
}
