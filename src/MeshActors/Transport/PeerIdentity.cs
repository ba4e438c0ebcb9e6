namespace MeshActors.Transport;

/// <summary>A peer as its handshake established it.</summary>
/// <param name="NodeId">The peer's node id (checked against its certificate when TLS is on).</param>
/// <param name="ClusterId">The peer's cluster id (always equal to this node's).</param>
/// <param name="Address">Where the peer accepts connections, as it advertised.</param>
/// <param name="ProtocolVersion">The agreed wire-protocol version.</param>
public sealed record PeerIdentity(string NodeId, string ClusterId, NodeAddress Address, uint ProtocolVersion);
