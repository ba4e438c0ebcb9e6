using System.Collections.Concurrent;
using Akka.Actor;
using Akka.Cluster;
using Akka.Cluster.Sharding;
using Akka.Configuration;
using MeshActors.Sharding;
using MeshActors.Sharding.Akka;
using Xunit.Abstractions;
using static MeshActors.Tests.Sharding.Akka.LoadEntity.Protocol;

namespace MeshActors.Tests.Sharding.Akka;

/// <summary>
/// Real Akka.Cluster.Sharding on loopback remoting, with <see cref="ShardTableAllocationStrategy"/> and
/// an in-memory table the test changes: while a synthetic load runs, node B is drained (its shards go
/// to A and C in the table, then B leaves) and node D is added (it joins, then the table gives it
/// shards). Each entity's sender sends message n+1 only after message n is acknowledged and never
/// resends, so a lost message stops the load (the wait fails), and a duplicate, a gap or a wrong node
/// shows in the audit.
/// </summary>
public sealed class ReshardDeliveryTests : global::Akka.TestKit.Xunit2.TestKit
{
    private const string TypeName = "orders";
    private const int ShardCount = 30;
    private const int EntityCount = 50;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(45);
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Each entity's sender sends at most one message per period: at most 10,000 a second in all, so the test leaves CPU to others.</summary>
    private static readonly TimeSpan SendPeriod = TimeSpan.FromMilliseconds(5);

    private static readonly Config Hocon = ConfigurationFactory.ParseString("""
        akka.actor.provider = cluster
        akka.remote.dot-netty.tcp { hostname = 127.0.0.1, port = 0 }
        akka.loglevel = WARNING
        akka.cluster.sharding {
          rebalance-interval = 1s
          retry-interval = 200ms
          handoff-timeout = 20s
        }
        """);

    private readonly InMemoryShardOwners _table = new(TypeName, Enumerable.Range(0, ShardCount).Select(s => (string?)"ABC"[s % 3].ToString()).ToArray());
    private readonly ConcurrentDictionary<string, Address> _addresses = new();
    private readonly DeliveryLog _log = new();
    private readonly LossWatch _losses = new();
    private readonly ShardTableMessageExtractor _extractor = ShardTableMessageExtractor.Create(ShardCount, m => m is Work w ? w.EntityId : null);
    private readonly ITestOutputHelper _output;

    public ReshardDeliveryTests(ITestOutputHelper output)
        : base(Hocon, "reshard", output) => _output = output;

    [Fact]
    public async Task Every_message_is_handled_once_in_order_by_the_owner_of_the_moment_while_B_drains_and_D_joins()
    {
        var others = new List<ActorSystem>();
        try
        {
            var a = Sys;
            _losses.Watch(a);
            var b = Node("B", others);
            var c = Node("C", others);
            _addresses["A"] = Cluster.Get(a).SelfAddress;
            foreach (var system in new[] { a, b, c })
            {
                Cluster.Get(system).Join(_addresses["A"]);
            }

            await AwaitAssertAsync(() => UpMembers(a).Should().Be(3), Patience);
            var regionA = await StartSharding(a, "A");
            var regionB = await StartSharding(b, "B");
            await StartSharding(c, "C");
            await AwaitAssertAsync(async () => (await regionA.Ask<CurrentRegions>(GetCurrentRegions.Instance, AskTimeout)).Regions.Should().HaveCount(3), Patience);

            // The load: one sender per entity, through A's region; the next number only after the last is acknowledged.
            var acked = new long[EntityCount];
            using var stop = new CancellationTokenSource();
            var senders = Enumerable.Range(0, EntityCount).Select(i => Task.Run(() => Send(regionA, i, acked, stop.Token))).ToArray();
            await Progress(senders, acked, 5, "the load starts");
            await Settled(regionA);

            // Drain B: the table moves its shards to A and C; Akka follows; then B leaves.
            var drained = _table.Publish(owners =>
            {
                var i = 0;
                for (var s = 0; s < owners.Length; s++)
                {
                    owners[s] = owners[s] == "B" ? (i++ % 2 == 0 ? "A" : "C") : owners[s];
                }
            });
            _output.WriteLine($"v{drained}: B drained");
            await Settled(regionA);
            await AwaitAssertAsync(async () => (await regionB.Ask<CurrentShardRegionState>(GetShardRegionState.Instance, AskTimeout)).Shards.Should().BeEmpty(), Patience);
            await Progress(senders, acked, 5, "after B's shards moved");
            await CoordinatedShutdown.Get(b).Run(CoordinatedShutdown.ClusterLeavingReason.Instance).WaitAsync(Patience);
            await AwaitAssertAsync(() => UpMembers(a).Should().Be(2), Patience);

            // Add D: it joins and registers its region, then the table gives it every fourth shard.
            var d = Node("D", others);
            Cluster.Get(d).Join(_addresses["A"]);
            await AwaitAssertAsync(() => UpMembers(a).Should().Be(3), Patience);
            await StartSharding(d, "D");
            await AwaitAssertAsync(async () => (await regionA.Ask<CurrentRegions>(GetCurrentRegions.Instance, AskTimeout)).Regions.Should().Contain(_addresses["D"]), Patience);
            var added = _table.Publish(owners =>
            {
                for (var s = 0; s < owners.Length; s += 4)
                {
                    owners[s] = "D";
                }
            });
            _output.WriteLine($"v{added}: D given shards");
            await Settled(regionA);
            await Progress(senders, acked, 5, "after D took its shards");

            await stop.CancelAsync();
            await Task.WhenAll(senders).WaitAsync(Patience);

            var log = _log.Snapshot();
            var ackedById = Enumerable.Range(0, EntityCount).ToDictionary(Entity, i => acked[i]);
            _output.WriteLine($"{log.Count} messages, {_losses.Lost} dropped by Akka at a hand-off and resent; by node: {string.Join(", ", log.GroupBy(x => x.NodeId).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}"))}");
            var problems = DeliveryAudit.Problems(log, ackedById, _table, id => ShardKeys.ShardOf(id, ShardCount));
            problems.Should().BeEmpty("every message is handled exactly once, in order, by the owner of the moment; first problems: {0}", string.Join(" | ", problems.Take(10)));
            log.Should().HaveCount((int)ackedById.Values.Sum(), "nothing was handled that the sender did not see acknowledged");
            _log.CountOn("B").Should().BeGreaterThan(0, "B handled messages before it was drained");
            _log.CountOn("D").Should().BeGreaterThan(0, "D handled messages after it got shards");
        }
        finally
        {
            await Task.WhenAll(others.Select(s => s.Terminate())).WaitAsync(Patience);
        }
    }

    private ActorSystem Node(string nodeId, List<ActorSystem> others)
    {
        var system = ActorSystem.Create(Sys.Name, Hocon);
        others.Add(system);
        _losses.Watch(system);
        _addresses[nodeId] = Cluster.Get(system).SelfAddress;
        return system;
    }

    private Task<IActorRef> StartSharding(ActorSystem system, string nodeId)
    {
        var strategy = new ShardTableAllocationStrategy(_table, id => _addresses.GetValueOrDefault(id));
        return ClusterSharding.Get(system).StartAsync(
            TypeName,
            Props.Create(() => new LoadEntity(nodeId, _log, _table)),
            ClusterShardingSettings.Create(system),
            _extractor,
            strategy,
            PoisonPill.Instance);
    }

    private static string Entity(int i) => $"entity-{i}";

    private static int UpMembers(ActorSystem system) => Cluster.Get(system).State.Members.Count(m => m.Status == MemberStatus.Up);

    /// <summary>One entity's load: message n+1 only after n is acknowledged; n again only when it is proven lost (a dead letter), never on a timeout.</summary>
    private async Task Send(IActorRef region, int index, long[] acked, CancellationToken stop)
    {
        var entity = Entity(index);
        using var pace = new PeriodicTimer(SendPeriod);
        for (var seq = 1L; !stop.IsCancellationRequested; seq++)
        {
            await pace.WaitForNextTickAsync(CancellationToken.None);
            for (var attempt = 1; ; attempt++)
            {
                var work = new Work(entity, seq, attempt);
                using var lost = _losses.Expect(work);
                try
                {
                    var done = await region.Ask<Done>(work, AskTimeout, lost.Token);
                    if (done.EntityId != entity || done.Seq != seq)
                    {
                        throw new InvalidOperationException($"{entity} #{seq} was answered for {done.EntityId} #{done.Seq}");
                    }

                    break;
                }
                catch (OperationCanceledException) when (lost.IsCancellationRequested)
                {
                    // dead-lettered: never delivered, so sending it again cannot duplicate it
                }
                catch (AskTimeoutException)
                {
                    throw new InvalidOperationException($"{entity} #{seq} was neither acknowledged nor dead-lettered within {AskTimeout.TotalSeconds:0}s");
                }
                finally
                {
                    _losses.Forget(work);
                }
            }

            Volatile.Write(ref acked[index], seq);
        }
    }

    /// <summary>Waits until every entity has <paramref name="more"/> more acknowledgements than now; a failed sender fails it at once.</summary>
    private async Task Progress(Task[] senders, long[] acked, int more, string when)
    {
        var target = acked.Select(a => Volatile.Read(ref a) + more).ToArray();
        await AwaitConditionAsync(
            () =>
            {
                if (senders.FirstOrDefault(s => s.IsFaulted) is { } failed)
                {
                    throw new Xunit.Sdk.XunitException($"the load stopped {when}: {failed.Exception!.InnerException!.Message}");
                }

                return Task.FromResult(Enumerable.Range(0, acked.Length).All(i => Volatile.Read(ref acked[i]) >= target[i]));
            },
            Patience,
            message: $"every entity makes progress {when}");
    }

    /// <summary>Waits until every shard that is hosted anywhere is hosted on its table owner's node.</summary>
    private async Task Settled(IActorRef region) =>
        await AwaitAssertAsync(
            async () =>
            {
                var stats = await region.Ask<ClusterShardingStats>(new GetClusterShardingStats(AskTimeout), AskTimeout);
                var misplaced = stats.Regions
                    .SelectMany(r => r.Value.Stats.Keys.Select(shard => (Shard: int.Parse(shard, System.Globalization.CultureInfo.InvariantCulture), At: r.Key)))
                    .Where(x => !x.At.Equals(_addresses[_table.OwnerOf(x.Shard)!]))
                    .Select(x => $"{x.Shard}@{x.At.Port}")
                    .ToList();
                misplaced.Should().BeEmpty("Akka follows table v{0}", _table.Version);
            },
            Patience);
}
