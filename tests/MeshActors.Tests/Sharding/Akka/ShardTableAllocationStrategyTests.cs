using System.Collections.Immutable;
using Akka.Actor;
using MeshActors.Sharding.Akka;

namespace MeshActors.Tests.Sharding.Akka;

/// <summary>
/// The strategy against hand-written coordinator states. Regions are written <c>"L:0,1 2:2 3:"</c>: the
/// coordinator's own region (<c>L</c>, a local reference; this node is host 1) holds shards 0 and 1,
/// host 2's holds 2, host 3's none. Owners are written per shard, <c>"n1 n2 - ghost"</c>: node
/// <c>nK</c> lives at host K, <c>-</c> is no owner, <c>ghost</c> resolves to no address, and
/// <c>n4</c> resolves to host 4, where no region is registered.
/// </summary>
public sealed class ShardTableAllocationStrategyTests
{
    public static TheoryData<string, string, string, string, string> Allocations => new()
    {
        // why, owners, regions, (shard, requester), expected region
        { "the owner's region, not the requester", "n1 n2 n3", "L:0 2: 3:", "1 L", "2" },
        { "the owner is this node: its local region", "n1 n2 n3", "L: 2:1 3:", "0 2", "L" },
        { "no owner in the table: the requester", "- n2 n3", "L: 2:1 3:", "0 3", "3" },
        { "the owner has no address: the requester", "ghost n2 n3", "L: 2:1 3:", "0 3", "3" },
        { "the owner is not a region yet: the requester", "n4 n2 n3", "L: 2:1 3:", "0 2", "2" },
        { "a shard id outside the table: the requester", "n1 n2 n3", "L: 2: 3:", "7 2", "2" },
        { "owner unknown and a proxy asked: the least loaded region", "- n2 n3", "L:1 2:2 3:", "0 9", "3" },
    };

    public static TheoryData<string, string, string, string, int, string> Rebalances => new()
    {
        // why, owners, regions, in progress, max simultaneous, expected shards
        { "everything placed: nothing moves", "n1 n1 n2 n2 n3 n3", "L:0,1 2:2,3 3:4,5", "", 3, "" },
        { "only the misplaced shards move", "n1 n1 n2 n2 n3 n3", "L:0,3 2:1,2 3:4,5", "", 3, "1,3" },
        { "at most max-simultaneous, lowest shard first", "n3 n3 n3 n3 n3 n3", "L:0,1,2 2:3,4 3:5", "", 3, "0,1,2" },
        { "never a shard in progress, and the budget counts it", "n3 n3 n3 n3 n3 n3", "L:0,1,2 2:3,4 3:5", "1", 3, "0,2" },
        { "the budget is spent: nothing more", "n3 n3 n3 n3 n3 n3", "L:0,1,2 2:3,4 3:5", "0,1", 2, "" },
        { "an owner without a region keeps its shards where they are", "n4 - ghost n2 n3 n3", "L:0,1,2 2:3 3:4,5", "", 3, "" },
        { "a shard id outside the table is left alone", "n1 n2", "L:0,7 2:1", "", 3, "" },
    };

    [Theory]
    [MemberData(nameof(Allocations))]
    public async Task AllocateShard_answers_the_tables_owner(string why, string owners, string regions, string request, string expected)
    {
        var (strategy, allocations, region) = Setup(owners, regions);
        var parts = request.Split(' ');
        var requester = region(parts[1]);

        var chosen = await strategy.AllocateShard(requester, parts[0], allocations);

        chosen.Should().Be(region(expected), why);
    }

    [Theory]
    [MemberData(nameof(Rebalances))]
    public async Task Rebalance_moves_only_misplaced_shards_bounded(string why, string owners, string regions, string inProgress, int max, string expected)
    {
        var (strategy, allocations, _) = Setup(owners, regions, max);

        var moved = await strategy.Rebalance(allocations, Shards(inProgress).ToImmutableHashSet());

        moved.Should().BeEquivalentTo(Shards(expected), why);
    }

    [Fact]
    public async Task A_table_change_is_seen_by_the_next_round()
    {
        var table = new InMemoryShardOwners("orders", ["n1", "n2"]);
        var local = FakeRegion.Local();
        var two = FakeRegion.On(2);
        var strategy = new ShardTableAllocationStrategy(table, Resolve, selfAddress: FakeRegion.NodeAddress(1));
        var allocations = Allocation((local, ["0"]), (two, ["1"]));
        (await strategy.Rebalance(allocations, ImmutableHashSet<string>.Empty)).Should().BeEmpty();

        table.Publish(owners => owners[0] = "n2");

        (await strategy.Rebalance(allocations, ImmutableHashSet<string>.Empty)).Should().BeEquivalentTo(["0"]);
        (await strategy.AllocateShard(local, "0", Allocation((local, []), (two, ["1"])))).Should().Be(two);
    }

    [Fact]
    public void Bad_arguments_are_refused()
    {
        var table = new InMemoryShardOwners("orders", ["n1"]);
        FluentActions.Invoking(() => new ShardTableAllocationStrategy(table, Resolve, maxSimultaneousRebalance: 0))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("maxSimultaneousRebalance");
        FluentActions.Invoking(() => ShardTableMessageExtractor.Create(0, m => null))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("shardCount");
    }

    private static (ShardTableAllocationStrategy Strategy, IImmutableDictionary<IActorRef, IImmutableList<string>> Allocations, Func<string, IActorRef> Region) Setup(string owners, string regions, int max = 3)
    {
        var table = new InMemoryShardOwners("orders", owners.Split(' ').Select(o => o == "-" ? null : o).ToArray());
        var strategy = new ShardTableAllocationStrategy(table, Resolve, max, FakeRegion.NodeAddress(1));
        var refs = new Dictionary<string, IActorRef>();
        IActorRef Region(string name)
        {
            if (!refs.TryGetValue(name, out var region))
            {
                region = name == "L" ? FakeRegion.Local() : FakeRegion.On(int.Parse(name, System.Globalization.CultureInfo.InvariantCulture));
                refs[name] = region;
            }

            return region;
        }

        var allocations = Allocation(regions.Split(' ').Select(r => r.Split(':')).Select(r => (Region(r[0]), Shards(r[1]))).ToArray());
        return (strategy, allocations, Region);
    }

    private static IImmutableDictionary<IActorRef, IImmutableList<string>> Allocation(params (IActorRef Region, string[] Shards)[] regions) =>
        regions.ToImmutableDictionary(r => r.Region, r => (IImmutableList<string>)r.Shards.ToImmutableList());

    private static string[] Shards(string list) => list.Length == 0 ? [] : list.Split(',');

    private static Address? Resolve(string nodeId) =>
        nodeId.StartsWith('n') ? FakeRegion.NodeAddress(int.Parse(nodeId[1..], System.Globalization.CultureInfo.InvariantCulture)) : null;
}
