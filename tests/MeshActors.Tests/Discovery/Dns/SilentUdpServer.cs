using System.Net;
using System.Net.Sockets;

namespace MeshActors.Tests.Discovery.Dns;

/// <summary>A UDP socket that reads every query and never answers (and sends no ICMP error);
/// <see cref="Received"/> counts the queries, so a test sees how often a client asked.</summary>
internal sealed class SilentUdpServer : IDisposable
{
    private readonly Socket socket = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private readonly Task loop;
    private int received;

    public SilentUdpServer()
    {
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        loop = Task.Run(ReadAsync);
    }

    public string Server => socket.LocalEndPoint!.ToString()!;

    public int Received => Volatile.Read(ref received);

    public void Dispose()
    {
        socket.Dispose();
        _ = loop.Exception;
    }

    private async Task ReadAsync()
    {
        var buffer = new byte[2048];
        while (true)
        {
            await socket.ReceiveAsync(buffer, SocketFlags.None);
            Interlocked.Increment(ref received);
        }
    }
}
