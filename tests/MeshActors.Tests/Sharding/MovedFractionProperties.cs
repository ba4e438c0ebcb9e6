using FsCheck;
using FsCheck.Fluent;
using MeshActors.Sharding;

namespace MeshActors.Tests.Sharding;

/// <summary>
/// What one member joining or leaving moves, for rendezvous and ring, at N = 5…200 members and
/// 1,000–10,000 shards (sampled here; benchmarks/ covers the whole grid). Exactly: only shards onto
/// the joiner move, and only the leaver's shards move, so the moved fraction is that member's
/// share. Statistically: the share of one of N+1 equal members is 1/(N+1) on average, and one
/// placement deviates from it by the sampling noise σ (binomial over the shards: σ² = p(1−p)/S;
/// ring adds the spread of its V virtual-node arcs: + p²/V). So each sample must stay within
/// 1/(N+1) + 1 % + 5σ, and the mean over many joins within the bound 1/(N+1) + 1 %.
/// </summary>
public sealed class MovedFractionProperties
{
    private static readonly Gen<(int Nodes, int Shards, int Salt)> Grid =
        from nodes in Gen.Choose(5, 200)
        from shards in Gen.Choose(1_000, 10_000)
        from salt in Gen.Choose(0, 1_000_000)
        select (nodes, shards, salt);

    public static TheoryData<string> Strategies => new([RendezvousStrategy.StrategyName, RingStrategy.StrategyName]);

    [Theory]
    [MemberData(nameof(Strategies))]
    public void Joining_moves_only_shards_onto_the_joiner_and_about_1_over_N_plus_1(string strategy) =>
        Check.One(PlacementProperties.Settings(seed: 5501, tests: 20), Prop.ForAll(Arb.From(Grid), cell =>
        {
            var (ns, members) = Cluster(cell);
            var joiner = ShardMember.Plain($"joiner-{cell.Salt}");
            var before = Members.Assign(strategy, ns, members);
            var after = Members.Assign(strategy, ns, members.Append(joiner));

            var moved = before.ShardsMovedTo(after).ToList();
            moved.Should().OnlyContain(s => after[s] == joiner.Id, "a join moves shards onto the joiner only");
            ((double)moved.Count / cell.Shards).Should().BeLessThanOrEqualTo(Bound(strategy, cell.Nodes, cell.Shards), $"N={cell.Nodes}, S={cell.Shards}");
        }));

    [Theory]
    [MemberData(nameof(Strategies))]
    public void Leaving_moves_only_the_leavers_shards_and_about_1_over_N_plus_1(string strategy) =>
        Check.One(PlacementProperties.Settings(seed: 6607, tests: 20), Prop.ForAll(Arb.From(Grid), cell =>
        {
            var (ns, members) = Cluster(cell with { Nodes = cell.Nodes + 1 });
            var leaver = members[cell.Salt % members.Count];
            var before = Members.Assign(strategy, ns, members);
            var after = Members.Assign(strategy, ns, members.Where(m => m != leaver));

            var moved = before.ShardsMovedTo(after).ToList();
            moved.Should().OnlyContain(s => before[s] == leaver.Id, "a leave moves the leaver's shards only");
            moved.Should().HaveCount(before.Loads().GetValueOrDefault(leaver.Id), "every shard of the leaver moves");
            ((double)moved.Count / cell.Shards).Should().BeLessThanOrEqualTo(Bound(strategy, cell.Nodes, cell.Shards), $"N+1={cell.Nodes + 1}, S={cell.Shards}");
        }));

    /// <summary>The bound, on the mean: at the noisiest corner of the grid (N = 5, 1,000 shards) over 40 different joiners.</summary>
    [Theory]
    [MemberData(nameof(Strategies))]
    public void Mean_moved_fraction_of_a_join_at_N_5_and_1000_shards_is_within_1_over_N_plus_1_plus_1_percent(string strategy)
    {
        var ns = new ShardNamespace("orders", 1_000);
        var members = Members.Plain(5);
        var before = Members.Assign(strategy, ns, members);
        var fractions = Enumerable.Range(0, 40)
            .Select(j => before.ShardsMovedTo(Members.Assign(strategy, ns, members.Append(ShardMember.Plain($"joiner-{j}")))).Count() / 1_000.0)
            .ToList();

        fractions.Average().Should().BeLessThanOrEqualTo(1.0 / 6 + 0.01);
        fractions.Average().Should().BeGreaterThan(1.0 / 6 - 0.03, "a join takes its share; a strategy that moved nothing would be wrong too");
    }

    [Fact]
    public void The_ideal_is_1_over_N_plus_1_for_a_join_and_1_over_N_for_a_leave()
    {
        var five = Members.Plain(5);
        var six = Members.Plain(6);

        ShardMoves.IdealFractionOf(five, six).Should().BeApproximately(1.0 / 6, 1e-12);
        ShardMoves.IdealFractionOf(six, five).Should().BeApproximately(1.0 / 6, 1e-12);
        ShardMoves.IdealFractionOf(five, five.Take(4).ToList()).Should().BeApproximately(1.0 / 5, 1e-12);
    }

    private static double Bound(string strategy, int nodes, int shards)
    {
        var p = 1.0 / (nodes + 1);
        var variance = p * (1 - p) / shards;
        if (strategy == RingStrategy.StrategyName)
        {
            variance += p * p / RingStrategy.DefaultVirtualNodesPer100;
        }

        return p + 0.01 + 5 * Math.Sqrt(variance);
    }

    private static (ShardNamespace, List<ShardMember>) Cluster((int Nodes, int Shards, int Salt) cell) =>
        (new ShardNamespace($"ns-{cell.Salt}", cell.Shards), Members.Plain(cell.Nodes, $"n{cell.Salt}"));
}
