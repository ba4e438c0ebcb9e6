using System.Diagnostics;
using MeshActors.Discovery;
using MeshActors.Discovery.Mdns;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MeshActors.Tests.Discovery.Mdns;

/// <summary>In-process mDNS providers whose sockets live inside a test's network namespace.</summary>
internal static class MdnsTestNodes
{
    /// <summary>How long a test waits for a condition before it fails.</summary>
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    /// <summary>Options for tests: on <c>lo</c>, a short browse window.</summary>
    public static MdnsDiscoveryOptions Options(string iface = "lo") => new()
    {
        Enabled = true,
        RefreshInterval = TimeSpan.FromSeconds(10),
        Interface = iface,
        BrowseWindow = TimeSpan.FromMilliseconds(300),
    };

    /// <summary>A provider for node <paramref name="nodeId"/> of <paramref name="clusterId"/> advertising 127.0.0.1:<paramref name="port"/>.</summary>
    public static MdnsDiscoveryProvider Create(NetworkNamespace ns, string nodeId, string clusterId, int port = 7946, MdnsDiscoveryOptions? options = null, ILoggerProvider? logs = null) =>
        new(options ?? Options(), Context(nodeId, clusterId, port) with { LoggerFactory = logs is null ? NullLoggerFactory.Instance : LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace)) },
            name => ns.RunInside(() => MdnsSocket.Open(name)));

    /// <summary>The context of a test node; its fingerprint is <c>sha256:fp-&lt;node id&gt;</c>.</summary>
    public static DiscoveryContext Context(string nodeId, string clusterId, int port) => new()
    {
        NodeId = nodeId,
        ClusterId = clusterId,
        LocalAddress = new NodeAddress("127.0.0.1", port),
        PublicKeyFingerprint = "sha256:fp-" + nodeId,
        DataDir = Path.GetTempPath(),
    };

    /// <summary>Runs discovery until <paramref name="condition"/> holds; throws with the last result after the deadline.</summary>
    public static async Task<IReadOnlyList<ContactPoint>> DiscoverUntilAsync(IDiscoveryProvider provider, Func<IReadOnlyList<ContactPoint>, bool> condition)
    {
        var stopwatch = Stopwatch.StartNew();
        IReadOnlyList<ContactPoint> last = [];
        while (stopwatch.Elapsed < Deadline)
        {
            using var timeout = new CancellationTokenSource(Deadline);
            last = (await provider.DiscoverAsync(timeout.Token)).ContactPoints;
            if (condition(last))
            {
                return last;
            }
        }

        throw new TimeoutException($"discovery did not reach the expected state within {Deadline}; last result: {string.Join(", ", last)}");
    }
}
