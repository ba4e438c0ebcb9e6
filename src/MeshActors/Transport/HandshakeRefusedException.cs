using MeshActors.Transport.Wire;

namespace MeshActors.Transport;

/// <summary>A handshake with a peer was refused, by the peer or by this node.</summary>
public sealed class HandshakeRefusedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public HandshakeRefusedException(NodeAddress peer, RefusalReason reason, string detail, bool refusedByPeer)
        : base($"{(refusedByPeer ? "peer " + peer + " refused this node" : "this node refused peer " + peer)}: {reason} ({detail})")
    {
        Peer = peer;
        Reason = reason;
        Detail = detail;
        RefusedByPeer = refusedByPeer;
    }

    /// <summary>The peer's address.</summary>
    public NodeAddress Peer { get; }

    /// <summary>The reason code.</summary>
    public RefusalReason Reason { get; }

    /// <summary>Why, in words.</summary>
    public string Detail { get; }

    /// <summary>True when the peer refused us; false when we refused the peer (e.g. its server certificate).</summary>
    public bool RefusedByPeer { get; }
}
