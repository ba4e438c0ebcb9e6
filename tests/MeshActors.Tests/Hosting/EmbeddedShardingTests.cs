using System.Diagnostics;
using Akka.Actor;
using Akka.Cluster.Sharding;
using Akka.Configuration;
using Akka.Hosting;
using MeshActors.Hosting;
using MeshActors.Security;
using MeshActors.Sharding.Akka;
using Xunit.Abstractions;

namespace MeshActors.Tests.Hosting;

/// <summary>
/// An embedder's Akka.Cluster.Sharding follows MeshActors' shard table: two hosts keep namespace
/// <c>orders</c> (16 shards) in one SQLite file; once the leader has written a table in which both
/// own shards, each starts <c>ClusterSharding</c> with <see cref="MeshNode.ShardAllocationStrategy"/>
/// and <see cref="ShardTableMessageExtractor"/>, and every entity runs on the node the table names
/// for its key.
/// </summary>
public sealed class EmbeddedShardingTests(ITestOutputHelper output) : EmbeddedClusterTest
{
    private const int Shards = 16;

    [Fact]
    public async Task Entities_run_on_the_node_the_shard_table_names_for_their_key()
    {
        using var ca = CertificateAuthority.Create(EmbeddedNode.Cluster, TimeProvider.System, TimeSpan.FromDays(1));
        var (port1, port2) = (EmbeddedNode.FreePort(), EmbeddedNode.FreePort());
        Nodes.Add(await EmbeddedNode.StartAsync("shard-app-1", port1, port1, EmbeddedNode.TlsHocon(ca, Dir, "shard-app-1"), Path.Combine(Dir, "d1"), App));
        Nodes.Add(await EmbeddedNode.StartAsync("shard-app-2", port2, port1, EmbeddedNode.TlsHocon(ca, Dir, "shard-app-2"), Path.Combine(Dir, "d2"), App));

        var clock = Stopwatch.StartNew();
        await Until("both nodes hold one table version in which both own shards, all active", () =>
        {
            var tables = Nodes.Select(n => n.Mesh.Shards.Table("orders")).ToList();
            return tables.Select(t => t.Checksum).Distinct().Count() == 1 && tables[0].Loads().Count == 2 && tables[0].Entries().All(e => e.State == MeshActors.Sharding.Table.ShardState.Active);
        });
        output.WriteLine($"settled table after {clock.Elapsed.TotalSeconds:0.0} s: version {Nodes[0].Mesh.Shards.Table("orders").Version}, loads {string.Join(", ", Nodes[0].Mesh.Shards.Table("orders").Loads())}");

        var regions = new List<IActorRef>();
        foreach (var node in Nodes)
        {
            var extractor = ShardTableMessageExtractor.Create(Shards, m => m is Where w ? w.Key : null);
            regions.Add(await ClusterSharding.Get(node.System).StartAsync("orders", Props.Create(() => new WhereAmI(node.Mesh.NodeId)), ClusterShardingSettings.Create(node.System),
                extractor, node.Mesh.ShardAllocationStrategy("orders"), PoisonPill.Instance));
        }

        // Until both regions have registered with Akka's coordinator, the strategy places a shard
        // whose owner has no region yet on the requester (its documented fallback); wait for both.
        await Until("Akka's shard coordinator knows both regions", async () =>
            (await regions[0].Ask<CurrentRegions>(GetCurrentRegions.Instance, TimeSpan.FromSeconds(5))).Regions.Count == 2);

        var keys = Enumerable.Range(0, 40).Select(i => $"customer-{i}").ToList();
        foreach (var key in keys)
        {
            var ranOn = await regions[1].Ask<string>(new Where(key), TimeSpan.FromSeconds(20));
            ranOn.Should().Be(Nodes[0].Mesh.Shards.Lookup("orders", key).Owner, $"entity {key} runs where the table puts shard {Nodes[0].Mesh.Shards.Lookup("orders", key).Shard}");
        }

        keys.Select(k => Nodes[0].Mesh.Shards.Lookup("orders", k).Owner).Distinct().Should().HaveCount(2, "the keys cover both owners, so the placement is tested on both");

        // Drain shard-app-2: the table moves its shards to shard-app-1, and Akka's rebalance follows.
        var cordoned = await Nodes[1].System.ActorSelection("/user/mesh/shards").Ask<MeshActors.Sharding.Ownership.ShardTableKeeperProtocol.CordonSet>(
            new MeshActors.Sharding.Ownership.ShardTableKeeperProtocol.SetCordon(true), TimeSpan.FromSeconds(10));
        cordoned.Cordoned.Should().BeTrue();
        clock.Restart();
        await Until("both nodes hold a table in which shard-app-1 owns every shard", () =>
            Nodes.All(n => n.Mesh.Shards.Table("orders").Loads().Keys.SequenceEqual(["shard-app-1"])));
        var tableMoved = clock.Elapsed;
        foreach (var key in keys)
        {
            // Akka.Cluster.Sharding drops what it buffered for a shard during its hand-off (see the
            // Sharding README), so a question asked mid-hand-off may go unanswered: ask again.
            await Until($"entity {key} runs on shard-app-1 after the drain", async () =>
            {
                try
                {
                    return await regions[1].Ask<string>(new Where(key), TimeSpan.FromSeconds(3)) == "shard-app-1";
                }
                catch (AskTimeoutException)
                {
                    return false;
                }
            });
        }

        output.WriteLine($"drain: the table moved every shard off shard-app-2 after {tableMoved.TotalSeconds:0.0} s; every entity ran on shard-app-1 after {clock.Elapsed.TotalSeconds:0.0} s");
    }


    private void App(AkkaConfigurationBuilder akka) => akka.AddHocon(ConfigurationFactory.ParseString($$"""
        meshactors.sharding.namespaces.orders.shards = {{Shards}}
        meshactors.sharding.cooldown = 200ms
        akka.cluster.sharding.rebalance-interval = 500ms
        meshactors.leadership.lease.store = sqlite
        meshactors.leadership.stores.sqlite.file = "{{Path.Combine(Dir, "mesh.db")}}"
        """), HoconAddMode.Prepend);


    private sealed record Where(string Key);

    private sealed class WhereAmI : ReceiveActor
    {
        public WhereAmI(string nodeId) => Receive<Where>(_ => Sender.Tell(nodeId));
    }
}
