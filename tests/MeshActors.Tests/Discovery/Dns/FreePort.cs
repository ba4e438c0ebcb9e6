using System.Net;
using System.Net.Sockets;

namespace MeshActors.Tests.Discovery.Dns;

/// <summary>Picks a loopback port that is free for both UDP and TCP right now.</summary>
internal static class FreePort
{
    public static int UdpAndTcp()
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            using var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            udp.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            var port = ((IPEndPoint)udp.LocalEndPoint!).Port;
            using var tcp = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                tcp.Bind(new IPEndPoint(IPAddress.Loopback, port));
                return port;
            }
            catch (SocketException)
            {
            }
        }

        throw new InvalidOperationException("no loopback port is free for both UDP and TCP");
    }
}
