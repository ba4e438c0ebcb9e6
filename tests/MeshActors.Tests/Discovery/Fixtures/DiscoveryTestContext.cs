using MeshActors.Randomness;
using MeshActors.Discovery;

namespace MeshActors.Tests.Discovery.Fixtures;

/// <summary>A <see cref="DiscoveryContext"/> for provider tests: a fixed node on port 7946, a seeded random source.</summary>
internal static class DiscoveryTestContext
{
    public static DiscoveryContext Create() => new()
    {
        NodeId = "node-under-test",
        ClusterId = "test-cluster",
        LocalAddress = new NodeAddress("127.0.0.1", 7946),
        DataDir = Path.GetTempPath(),
        Random = new SeededRandomSource(42),
    };
}
