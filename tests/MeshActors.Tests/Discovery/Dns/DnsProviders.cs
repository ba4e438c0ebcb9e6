using MeshActors.Randomness;
using MeshActors.Discovery;
using MeshActors.Discovery.Dns;

namespace MeshActors.Tests.Discovery.Dns;

/// <summary>Builds DNS providers for tests.</summary>
internal static class DnsProviders
{
    public static DnsDiscoveryProvider Create(string server, string srv = "", string host = "", int port = 0, int timeoutMs = 2000, int attempts = 2) =>
        new(new DnsDiscoveryOptions
        {
            Enabled = true,
            RefreshInterval = TimeSpan.FromSeconds(30),
            Server = server,
            Srv = srv,
            Host = host,
            Port = port,
            Timeout = TimeSpan.FromMilliseconds(timeoutMs),
            Attempts = attempts,
        }, Context());

    public static DiscoveryContext Context() => new()
    {
        NodeId = "node-test",
        ClusterId = "demo",
        LocalAddress = new NodeAddress("127.0.0.1", 7946),
        DataDir = Path.GetTempPath(),
        Random = new SeededRandomSource(42),
    };
}
