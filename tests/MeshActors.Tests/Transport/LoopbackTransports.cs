using MeshActors.Transport;
using MeshActors.Transport.Http2;
using MeshActors.Transport.Wire;

namespace MeshActors.Tests.Transport;

/// <summary>Real transports on loopback for one test, all disposed with it. By default each
/// answers every request with a <see cref="ProbeReply"/> echoing a probe's sequence.</summary>
public sealed class LoopbackTransports : IAsyncDisposable
{
    private readonly List<Http2Transport> _started = [];

    public static Http2TransportOptions Options(string nodeId, string clusterId, IPeerTls? tls = null) =>
        new() { NodeId = nodeId, ClusterId = clusterId, ListenHost = "127.0.0.1", ListenPort = 0, Tls = tls };

    public static void AnswerProbes(InboundMessage message) =>
        message.Reply?.Invoke(new ProbeReply { Sequence = (message.Message as Probe)?.Sequence ?? 0 });

    public async Task<Http2Transport> StartAsync(Http2TransportOptions options, Action<InboundMessage>? receiver = null)
    {
        var transport = new Http2Transport(options);
        _started.Add(transport);
        await transport.StartAsync(receiver ?? AnswerProbes);
        return transport;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var transport in _started)
        {
            await transport.DisposeAsync();
        }
    }
}
