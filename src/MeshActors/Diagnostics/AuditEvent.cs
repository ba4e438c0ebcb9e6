namespace MeshActors.Diagnostics;

/// <summary>A security-relevant fact, kept for operators: a peer admitted or refused, a member
/// joining or leaving, leadership changing. Structured, so it can be shipped and queried.</summary>
/// <param name="Kind">What happened, e.g. <c>handshake.refused</c>.</param>
/// <param name="At">When, on the node's clock.</param>
/// <param name="PeerNodeId">The peer's node id as it claimed it, if known.</param>
/// <param name="PeerAddress">The peer's network address, if known.</param>
/// <param name="Reason">A reason code, e.g. <c>ClusterIdMismatch</c>.</param>
/// <param name="Detail">Human-readable detail.</param>
public sealed record AuditEvent(string Kind, DateTimeOffset At, string? PeerNodeId, string? PeerAddress, string? Reason, string Detail);
