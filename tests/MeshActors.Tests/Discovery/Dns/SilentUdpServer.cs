using System.Net;
using System.Net.Sockets;

namespace MeshActors.Tests.Discovery.Dns;

/// <summary>A bound UDP socket that never reads: queries to it get no answer (and no ICMP error).</summary>
internal sealed class SilentUdpServer : IDisposable
{
    private readonly Socket socket = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);

    public SilentUdpServer() => socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));

    public string Server => socket.LocalEndPoint!.ToString()!;

    public void Dispose() => socket.Dispose();
}
