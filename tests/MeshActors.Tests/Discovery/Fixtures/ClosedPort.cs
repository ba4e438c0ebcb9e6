using System.Net;
using System.Net.Sockets;

namespace MeshActors.Tests.Discovery.Fixtures;

/// <summary>A loopback port nothing listens on: bound, then released, so a connection is refused.</summary>
internal static class ClosedPort
{
    /// <summary>Finds such a port.</summary>
    public static int Find()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
