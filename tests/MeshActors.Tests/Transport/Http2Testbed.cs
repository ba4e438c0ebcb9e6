using System.Net;
using System.Net.Sockets;
using MeshActors.Transport;
using MeshActors.Transport.Http2;

namespace MeshActors.Tests.Transport;

/// <summary>Real transports on loopback sockets. Waits are signalled by the peers, never slept.</summary>
public sealed class Http2Testbed(Func<string, string, IPeerTls?> tlsFor) : ITransportTestbed
{
    private readonly List<Http2Transport> _transports = [];
    private readonly SemaphoreSlim _changed = new(0);

    public NodeAddress UnusedAddress
    {
        get
        {
            using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            return new NodeAddress("127.0.0.1", ((IPEndPoint)probe.LocalEndPoint!).Port);
        }
    }

    public IReadOnlyList<Http2Transport> Transports => _transports;

    public async Task<TestPeer> StartPeerAsync(string nodeId, string clusterId = "conformance", ProtocolRange? versions = null, int maxMessageSize = 1024 * 1024)
    {
        var transport = new Http2Transport(new Http2TransportOptions
        {
            NodeId = nodeId,
            ClusterId = clusterId,
            ListenHost = "127.0.0.1",
            ListenPort = 0,
            Versions = versions ?? ProtocolRange.Supported,
            MaxMessageSize = maxMessageSize,
            Tls = tlsFor(nodeId, clusterId),
            ConnectTimeout = TimeSpan.FromSeconds(5),
        });
        _transports.Add(transport);
        var peer = new TestPeer(transport, nodeId);
        peer.Changed += () => _changed.Release();
        await transport.StartAsync(peer.OnMessage);
        return peer;
    }

    public async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (!condition())
        {
            try
            {
                await _changed.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"condition not met within {timeout}");
            }
        }
    }

    public Task<T> WaitAsync<T>(Task<T> task, TimeSpan timeout) => task.WaitAsync(timeout);

    public async ValueTask DisposeAsync()
    {
        foreach (var transport in _transports)
        {
            await transport.DisposeAsync();
        }
    }
}
