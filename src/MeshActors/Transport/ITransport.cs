using Google.Protobuf;

namespace MeshActors.Transport;

/// <summary>
/// How nodes reach each other: a best-effort one-way send and a request with a response —
/// nothing more (memberlist's Transport is the model). Implementations: HTTP/2 over mutual TLS
/// for real nodes, and the simulator's in-memory network. Both pass one conformance suite.
/// Every peer is admitted by a Hello handshake before any of its messages is handled.
/// </summary>
public interface ITransport : IAsyncDisposable
{
    /// <summary>The address peers use to reach this node.</summary>
    NodeAddress LocalAddress { get; }

    /// <summary>Starts accepting messages; each one is handed to <paramref name="receiver"/>.</summary>
    Task StartAsync(Action<InboundMessage> receiver, CancellationToken cancellationToken = default);

    /// <summary>Sends <paramref name="message"/> and returns at once. Delivery is not guaranteed;
    /// failures are counted and logged, never thrown.</summary>
    void Send(NodeAddress to, IMessage message);

    /// <summary>Sends <paramref name="request"/> and completes with the peer's response.</summary>
    /// <exception cref="HandshakeRefusedException">The peer, or this node, refused the handshake.</exception>
    /// <exception cref="TimeoutException">No response within <paramref name="timeout"/>.</exception>
    /// <exception cref="TransportException">The peer cannot be reached or answered with an error.</exception>
    Task<IMessage> RequestAsync(NodeAddress to, IMessage request, TimeSpan timeout, CancellationToken cancellationToken = default);
}
