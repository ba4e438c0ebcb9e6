using MeshActors.Transport.Wire;

namespace MeshActors.Transport;

/// <summary>
/// Decides whether to accept a peer's Hello. Pure: the same inputs always give the same answer,
/// and a table test covers every reason. Checks run cheapest first, so a peer of another cluster
/// is turned away before any certificate work: shape, cluster id, certificate, the certificate's
/// node against the Hello's, the pinned key, then the protocol version.
/// </summary>
public static class HandshakePolicy
{
    /// <summary>Decides on <paramref name="hello"/>.</summary>
    /// <param name="hello">What the peer sent.</param>
    /// <param name="localClusterId">This node's cluster id.</param>
    /// <param name="localVersions">The versions this node speaks.</param>
    /// <param name="certificate">The TLS layer's verdict on the peer's certificate; null when TLS is off.</param>
    /// <param name="pinnedFingerprint">The public-key fingerprint pinned for the node the Hello claims, if any.</param>
    public static HandshakeDecision Decide(Hello hello, string localClusterId, ProtocolRange localVersions, CertificateVerdict? certificate, string? pinnedFingerprint)
    {
        if (hello.ClusterId.Length == 0 || hello.NodeId.Length == 0 || hello.MinProtocolVersion == 0 || hello.MinProtocolVersion > hello.MaxProtocolVersion)
        {
            return HandshakeDecision.Refuse(RefusalReason.MalformedHello, "a Hello needs a cluster id, a node id and a protocol range with 0 < min <= max");
        }

        if (!string.Equals(hello.ClusterId, localClusterId, StringComparison.Ordinal))
        {
            return HandshakeDecision.Refuse(RefusalReason.ClusterIdMismatch, $"peer {hello.NodeId} is in cluster '{hello.ClusterId}', which is not this node's cluster");
        }

        if (certificate is not null)
        {
            if (certificate.Refusal is { } problem)
            {
                return HandshakeDecision.Refuse(problem, certificate.Detail);
            }

            if (!string.Equals(certificate.NodeId, hello.NodeId, StringComparison.Ordinal))
            {
                return HandshakeDecision.Refuse(RefusalReason.CertificateNodeMismatch, $"the Hello claims node '{hello.NodeId}' but the certificate names '{certificate.NodeId}'");
            }
        }

        if (pinnedFingerprint is not null && !string.Equals(pinnedFingerprint, certificate?.Fingerprint, StringComparison.OrdinalIgnoreCase))
        {
            return HandshakeDecision.Refuse(RefusalReason.PinnedKeyMismatch, $"node '{hello.NodeId}' is pinned to key {pinnedFingerprint} but presented {certificate?.Fingerprint ?? "no certificate"}");
        }

        var theirs = new ProtocolRange(hello.MinProtocolVersion, hello.MaxProtocolVersion);
        return localVersions.Negotiate(theirs) is { } version
            ? HandshakeDecision.Accept(version)
            : HandshakeDecision.Refuse(RefusalReason.NoCommonProtocolVersion, $"peer speaks {theirs}, this node speaks {localVersions}");
    }
}
