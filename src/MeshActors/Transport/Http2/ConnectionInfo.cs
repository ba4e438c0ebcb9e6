namespace MeshActors.Transport.Http2;

/// <summary>One mesh connection as <c>GET /control/connections</c> shows it.</summary>
/// <param name="Id">A local identifier.</param>
/// <param name="Direction"><c>inbound</c> or <c>outbound</c>.</param>
/// <param name="PeerNodeId">The peer's node id, once its handshake (or ours) established it.</param>
/// <param name="RemoteAddress">The peer's socket address.</param>
/// <param name="HttpProtocol">The negotiated HTTP protocol, e.g. <c>HTTP/2</c>.</param>
/// <param name="TlsVersion">The negotiated TLS version, e.g. <c>Tls13</c>, or <c>none</c>.</param>
/// <param name="Since">When the connection opened.</param>
/// <param name="BytesIn">HTTP/2 bytes received (after decryption).</param>
/// <param name="BytesOut">HTTP/2 bytes sent (before encryption).</param>
/// <param name="MessagesIn">Messages received. For outbound connections: responses, counted per peer across its outbound connections.</param>
/// <param name="MessagesOut">Messages sent. For outbound connections: counted per peer across its outbound connections.</param>
public sealed record ConnectionInfo(
    string Id,
    string Direction,
    string? PeerNodeId,
    string RemoteAddress,
    string HttpProtocol,
    string TlsVersion,
    DateTimeOffset Since,
    long BytesIn,
    long BytesOut,
    long MessagesIn,
    long MessagesOut);
