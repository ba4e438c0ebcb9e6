using MeshActors.Discovery;
using MeshActors.Discovery.Bootstrap;

namespace MeshActors.Hosting;

/// <summary>
/// Static seeds as Akka seed-node addresses, sorted (IP addresses numerically, then by port) so
/// that every node given the same seeds names the same first seed: in Akka's seed-node join only
/// the first seed may form a new cluster, so a fleet never forms two.
/// </summary>
public static class SeedNodes
{
    /// <summary><c>akka.ssl.tcp://cluster@host:port</c> (with TLS; <c>akka.tcp</c> without) for each seed, in join order.</summary>
    public static IReadOnlyList<string> For(string clusterId, IEnumerable<NodeAddress> seeds, bool tls) =>
        [.. seeds.Distinct().Order(AddressOrder.Instance).Select(s => $"{Protocol(tls)}://{clusterId}@{(s.Host.Contains(':') ? "[" + s.Host + "]" : s.Host)}:{s.Port}")];

    /// <summary>Akka.Remote's protocol name: <c>akka.ssl.tcp</c> when TLS is on.</summary>
    public static string Protocol(bool tls) => tls ? "akka.ssl.tcp" : "akka.tcp";
}
