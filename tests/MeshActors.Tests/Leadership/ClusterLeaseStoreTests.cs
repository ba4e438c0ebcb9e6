using Akka.Actor;
using Akka.Configuration;
using Akka.Coordination;
using MeshActors.Leadership;

namespace MeshActors.Tests.Leadership;

/// <summary>The conformance suite against the <c>cluster</c> store on a real three-node Akka cluster: every test
/// starts a fresh arbiter (its own singleton and replicated counter) on all three nodes, and clients are spread
/// over the nodes, so requests cross the network to the arbiter on the oldest. Time is real: a short ttl, and
/// the suite waits on conditions with a deadline.</summary>
public sealed class ClusterLeaseStoreTests(ClusterLeaseStoreFixture fixture) : LeaseStoreConformance, IClassFixture<ClusterLeaseStoreFixture>
{
    private static int _arbiters;

    protected override Task<ILeaseStoreTestbed> CreateTestbedAsync() =>
        Task.FromResult<ILeaseStoreTestbed>(new Testbed(fixture.Cluster, $"conformance-{Interlocked.Increment(ref _arbiters)}"));

    [Fact]
    public async Task MeshLease_selects_it_by_config_and_an_ActorSystem_is_required()
    {
        var system = fixture.Cluster.Nodes[1];
        var expected = ClusterLeaseStoreSettings.Default with { ArbiterName = "by-config", MaxTtl = TimeSpan.FromSeconds(5), MajorityTimeout = TimeSpan.FromSeconds(1) };
        foreach (var node in fixture.Cluster.Nodes.Where(n => n != system))
        {
            ClusterLeaseArbiters.Get(node).Start(expected); // the singleton needs its manager on the oldest node too
        }

        var config = ConfigurationFactory.ParseString("""
            lease-class = "MeshActors.Leadership.MeshLease, MeshActors"
            heartbeat-timeout = 4s
            heartbeat-interval = 1s
            lease-operation-timeout = 2s
            store = "cluster"
            stores.cluster { arbiter-name = "by-config", max-ttl = 5s, majority-timeout = 1s }
            """);
        var lease = new MeshLease(new LeaseSettings("singleton", "node-1", new TimeoutSettings(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(2)), config), (ExtendedActorSystem)system);
        lease.Store.Should().BeOfType<ClusterLeaseStore>().Which.Settings.Should().Be(expected);

        (await ClusterLeaseStoreTestCluster.Eventually(async () => await lease.Acquire() ? "held" : null)).Should().Be("held");
        lease.FencingToken.Should().Be(1);
        (await lease.Release()).Should().BeTrue();
        await lease.DisposeAsync();

        var withoutSystem = () => LeaseStores.Create(LeaseStores.Cluster, ConfigurationFactory.ParseString("cluster.max-ttl = 0s"), ".");
        withoutSystem.Should().Throw<ArgumentException>()
            .Which.Message.Should().Contain("meshactors.leadership.stores.cluster.max-ttl").And.Contain("store = \"cluster\"").And.Contain("ActorSystem");
    }

    [Fact]
    public void The_defaults_in_reference_conf_are_the_code_defaults_and_bad_values_are_all_reported()
    {
        var reference = ConfigurationFactory.ParseString(MeshActors.Configuration.MeshConfigLoader.Reference);
        var errors = new List<string>();
        ClusterLeaseStoreSettings.FromConfig(reference.GetConfig("meshactors.leadership.stores.cluster"), "x", errors).Should().Be(ClusterLeaseStoreSettings.Default);
        errors.Should().BeEmpty();

        var bad = ConfigurationFactory.ParseString("arbiter-name = \"a/b\", max-ttl = 0s, majority-timeout = 0s, majority-min-cap = -1, request-timeout = 0s");
        ClusterLeaseStoreSettings.FromConfig(bad, "meshactors.leadership.stores.cluster", errors).Should().BeNull();
        errors.Should().HaveCount(5).And.OnlyContain(e => e.StartsWith("meshactors.leadership.stores.cluster."));
    }

    private sealed class Testbed : ILeaseStoreTestbed
    {
        private readonly ClusterLeaseStoreTestCluster _cluster;
        private readonly ClusterLeaseStoreSettings _settings;
        private int _clients;

        public Testbed(ClusterLeaseStoreTestCluster cluster, string arbiterName)
        {
            _cluster = cluster;
            _settings = ClusterLeaseStoreSettings.Default with { ArbiterName = arbiterName, MaxTtl = TimeSpan.FromMinutes(10), MajorityTimeout = TimeSpan.FromSeconds(3), RequestTimeout = TimeSpan.FromSeconds(10) };
            foreach (var node in cluster.Nodes)
            {
                ClusterLeaseArbiters.Get(node).Start(_settings); // every node can host the singleton
            }
        }

        public string StoreName => LeaseStores.Cluster;

        public TimeSpan ShortTtl => TimeSpan.FromSeconds(1);

        public ILeaseStore OpenClient() => new ClusterLeaseStore(_cluster.Nodes[Interlocked.Increment(ref _clients) % _cluster.Nodes.Count], _settings);

        public void Pass(TimeSpan time)
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
