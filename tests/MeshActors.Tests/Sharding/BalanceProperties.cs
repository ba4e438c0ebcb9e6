using FsCheck;
using FsCheck.Fluent;
using MeshActors.Sharding;

namespace MeshActors.Tests.Sharding;

/// <summary>
/// Load balance and capacity weights. With N equal members and S shards, the mean load is
/// m = S/N and a member's load spreads by σ = √m (rendezvous: binomial over the shards) or
/// σ = √(m + m²/V) (ring: plus the spread of V virtual-node arcs). The largest of N such loads
/// stays below m + (√(2 ln N) + 2.5)σ, which is the stated bound: max/mean ≤ 1 + (√(2 ln N) + 2.5)σ/m.
/// </summary>
public sealed class BalanceProperties
{
    public static TheoryData<string> Strategies => new([RendezvousStrategy.StrategyName, RingStrategy.StrategyName]);

    [Theory]
    [MemberData(nameof(Strategies))]
    public void Max_over_mean_load_is_within_the_stated_bound(string strategy)
    {
        var grid = from nodes in Gen.Choose(5, 200) from shards in Gen.Choose(1_000, 10_000) from salt in Gen.Choose(0, 1_000_000) select (nodes, shards, salt);
        Check.One(PlacementProperties.Settings(seed: 7919, tests: 25), Prop.ForAll(Arb.From(grid), cell =>
        {
            var (nodes, shards, salt) = cell;
            var assignment = Members.Assign(strategy, new ShardNamespace($"ns-{salt}", shards), Members.Plain(nodes, $"n{salt}"));
            ShardMoves.MaxOverMean(assignment, nodes).Should().BeLessThanOrEqualTo(MaxOverMeanBound(strategy, nodes, shards), $"N={nodes}, S={shards}");
        }));
    }

    /// <summary>Capacity 200 owns about twice what capacity 100 owns: the ratio of the mean loads is 2 ± 15 % (N 20–60, 10,000–20,000 shards).</summary>
    [Theory]
    [MemberData(nameof(Strategies))]
    [InlineData(LocalityStrategy.StrategyName)]
    public void Capacity_weights_are_honoured(string strategy)
    {
        var grid = from half in Gen.Choose(10, 30) from shards in Gen.Choose(10_000, 20_000) from salt in Gen.Choose(0, 1_000_000) select (half, shards, salt);
        Check.One(PlacementProperties.Settings(seed: 2029, tests: 12), Prop.ForAll(Arb.From(grid), cell =>
        {
            var members = Members.Plain(2 * cell.half, $"n{cell.salt}").Select((m, i) => m with { Capacity = i % 2 == 0 ? 200 : 100 }).ToList();
            var loads = Members.Assign(strategy, new ShardNamespace($"ns-{cell.salt}", cell.shards), members).Loads();
            double heavy = members.Where(m => m.Capacity == 200).Average(m => loads.GetValueOrDefault(m.Id));
            double light = members.Where(m => m.Capacity == 100).Average(m => loads.GetValueOrDefault(m.Id));
            (heavy / light).Should().BeInRange(1.7, 2.3, $"N={2 * cell.half}, S={cell.shards}");
        }));
    }

    [Fact]
    public void Capacity_zero_and_missing_roles_own_nothing()
    {
        var ns = new ShardNamespace("orders", 500, new HashSet<string> { "worker" });
        var members = new[]
        {
            new ShardMember("w1", new HashSet<string> { "worker" }),
            new ShardMember("w2", new HashSet<string> { "worker", "api" }),
            new ShardMember("drained", new HashSet<string> { "worker" }, Capacity: 0),
            new ShardMember("api", new HashSet<string> { "api" }),
        };

        foreach (var strategy in ShardPlacementStrategies.Names)
        {
            Members.Assign(strategy, ns, members).Loads().Keys.Should().BeEquivalentTo(["w1", "w2"], strategy);
        }
    }

    internal static double MaxOverMeanBound(string strategy, int nodes, int shards)
    {
        var mean = (double)shards / nodes;
        var variance = mean + (strategy == RingStrategy.StrategyName ? mean * mean / RingStrategy.DefaultVirtualNodesPer100 : 0);
        return 1 + (Math.Sqrt(2 * Math.Log(nodes)) + 2.5) * Math.Sqrt(variance) / mean;
    }
}
