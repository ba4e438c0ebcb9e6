using Google.Protobuf;

namespace MeshActors.Transport;

/// <summary>A message from an admitted peer.</summary>
/// <param name="From">Who sent it, as established by the handshake.</param>
/// <param name="Message">The payload.</param>
/// <param name="Reply">For a request, where the response goes (call it once); null for one-way messages.</param>
public sealed record InboundMessage(PeerIdentity From, IMessage Message, Action<IMessage>? Reply);
