using MeshActors.Discovery;
using MeshActors.Discovery.PeerCache;
using Microsoft.Extensions.Logging.Abstractions;

namespace MeshActors.Tests.Discovery.PeerCache;

public sealed class PeerCacheStoreTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 22, 0, 0, 0, TimeSpan.Zero);
    private readonly string _folder = Directory.CreateTempSubdirectory("meshactors-peercache-").FullName;

    private string DbPath => Path.Combine(_folder, "peers.db");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Accepted_peers_survive_reopening_with_their_counts()
    {
        using (var store = PeerCacheStore.Open(DbPath, NullLogger.Instance, TimeProvider.System))
        {
            store.Location.Should().Be(DbPath);
            store.Accepted("n1", NodeAddress.Parse("10.0.0.1:7946"), T0);
            store.Accepted("n1", NodeAddress.Parse("10.0.0.9:7946"), T0.AddMinutes(1));
            store.Accepted("n2", NodeAddress.Parse("10.0.0.2:7946"), T0);
            store.Failed("n2");
        }

        using var reopened = PeerCacheStore.Open(DbPath, NullLogger.Instance, TimeProvider.System);
        reopened.All().OrderBy(p => p.NodeId).Should().Equal(
            new CachedPeer("n1", NodeAddress.Parse("10.0.0.9:7946"), T0.AddMinutes(1), 2, 0),
            new CachedPeer("n2", NodeAddress.Parse("10.0.0.2:7946"), T0, 1, 1));
    }

    [Fact]
    public void A_corrupt_file_is_set_aside_and_a_fresh_cache_works()
    {
        File.WriteAllBytes(DbPath, Enumerable.Range(0, 4096).Select(i => (byte)(i * 7)).ToArray());
        using var logs = new MeshActors.Tests.Security.CapturingLoggerProvider();

        using var store = PeerCacheStore.Open(DbPath, logs.CreateLogger("test"), TimeProvider.System);
        store.Accepted("n1", NodeAddress.Parse("10.0.0.1:7946"), T0);

        store.Location.Should().Be(DbPath);
        store.All().Should().ContainSingle();
        Directory.GetFiles(_folder, "peers.db.corrupt-*").Should().ContainSingle();
        logs.Entries.Select(e => e.Message).Should().Contain(m => m.Contains("cannot be used") && m.Contains("moved to"));
    }

    [Fact]
    public void An_unwritable_folder_falls_back_to_memory_and_says_so()
    {
        using var logs = new MeshActors.Tests.Security.CapturingLoggerProvider();
        File.WriteAllText(Path.Combine(_folder, "a-file"), "not a folder");

        using var store = PeerCacheStore.Open(Path.Combine(_folder, "a-file", "peers.db"), logs.CreateLogger("test"), TimeProvider.System);
        store.Accepted("n1", NodeAddress.Parse("10.0.0.1:7946"), T0);

        store.Location.Should().Be(":memory:");
        store.All().Should().ContainSingle();
        logs.Entries.Select(e => e.Message).Should().Contain(m => m.Contains("in memory only"));
    }

    [Fact]
    public void A_missing_data_folder_is_created()
    {
        var path = Path.Combine(_folder, "not-yet", "peers.db");

        using var store = PeerCacheStore.Open(path, NullLogger.Instance, TimeProvider.System);

        store.Location.Should().Be(path);
        File.Exists(path).Should().BeTrue();
    }

    [Fact]
    public void Pruning_forgets_the_stale_and_keeps_the_best_scored()
    {
        using var store = PeerCacheStore.Open(DbPath, NullLogger.Instance, TimeProvider.System);
        store.Accepted("old", NodeAddress.Parse("10.0.0.1:1"), T0 - TimeSpan.FromDays(8));
        store.Accepted("fresh", NodeAddress.Parse("10.0.0.2:1"), T0);
        store.Accepted("failing", NodeAddress.Parse("10.0.0.3:1"), T0);
        store.Failed("failing");
        store.Failed("failing");

        store.Prune(maxPeers: 1, TimeSpan.FromDays(7), T0);

        store.All().Select(p => p.NodeId).Should().Equal("fresh");
    }

    [Fact]
    public async Task The_provider_offers_the_best_scored_peers_but_never_this_node()
    {
        using var store = PeerCacheStore.Open(DbPath, NullLogger.Instance, TimeProvider.System);
        store.Accepted("self", NodeAddress.Parse("10.0.0.0:1"), T0);
        store.Accepted("a", NodeAddress.Parse("10.0.0.1:1"), T0 - TimeSpan.FromDays(3));
        store.Accepted("b", NodeAddress.Parse("10.0.0.2:1"), T0);
        var time = new MeshActors.Tests.Security.FixedTimeProvider(T0);
        var options = new PeerCacheOptions { Enabled = true, RefreshInterval = TimeSpan.FromSeconds(30), File = "peers.db", MaxPeers = 10, MaxContactPoints = 1, ForgetAfter = TimeSpan.FromDays(7) };
        var context = new DiscoveryContext { NodeId = "self", ClusterId = "c", LocalAddress = NodeAddress.Parse("10.0.0.0:1"), DataDir = _folder, Time = time };
        await using var provider = new PeerCacheProvider(store, options, context);

        var result = await provider.DiscoverAsync(CancellationToken.None);

        result.ContactPoints.Should().ContainSingle().Which.Should().Match<ContactPoint>(c => c.NodeId == "b" && c.Provider == "peer-cache" && c.Address == NodeAddress.Parse("10.0.0.2:1"));
    }

    [Theory]
    [InlineData(0, 0, 0, 10.0)]
    [InlineData(0, 0, 7, 0.0)]
    [InlineData(3, 0, 0, 12.0)]
    [InlineData(1, 2, 0, 7.0)]
    [InlineData(1, 0, 14, 1.0)]
    public void Score_weighs_recency_successes_and_failures(int successes, int failures, int ageDays, double expected) =>
        PeerScore.Of(successes, failures, TimeSpan.FromDays(ageDays), TimeSpan.FromDays(7)).Should().BeApproximately(expected, 1e-9);
}
