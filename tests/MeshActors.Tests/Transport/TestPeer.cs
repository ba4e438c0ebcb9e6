using System.Collections.Concurrent;
using MeshActors.Transport;
using MeshActors.Transport.Wire;

namespace MeshActors.Tests.Transport;

/// <summary>A transport under test plus what it received.</summary>
public sealed class TestPeer(ITransport transport, string nodeId)
{
    public ITransport Transport { get; } = transport;

    public string NodeId { get; } = nodeId;

    public NodeAddress Address => Transport.LocalAddress;

    public ConcurrentQueue<InboundMessage> Received { get; } = new();

    public bool AnswerProbes { get; set; } = true;

    /// <summary>Raised after every message, so waits can be signalled rather than polled.</summary>
    public event Action? Changed;

    public void OnMessage(InboundMessage message)
    {
        Received.Enqueue(message);
        if (AnswerProbes && message is { Message: Probe probe, Reply: { } reply })
        {
            reply(new ProbeReply { Sequence = probe.Sequence });
        }

        Changed?.Invoke();
    }
}
