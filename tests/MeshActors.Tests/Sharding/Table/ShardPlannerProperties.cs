using FsCheck;
using FsCheck.Fluent;
using MeshActors.Sharding;
using MeshActors.Sharding.Table;

namespace MeshActors.Tests.Sharding.Table;

/// <summary>
/// The bound, on every single change rather than on average: with the table, one member joining
/// N equal ones or one of N+1 leaving moves at most 1/(N+1) + 1 % of the shards (in fact the joiner's
/// quota or the leaver's shards, at most ⌈S/(N+1)⌉), for rendezvous and ring, N = 5…50, S = 1,000…10,000,
/// counting every owner change over all the planner's steps under tight guardrails.
/// </summary>
public sealed class ShardPlannerProperties
{
    private static readonly Gen<(int Nodes, int Shards, int Salt, int Parallel)> Grid =
        from nodes in Gen.Choose(5, 50)
        from shards in Gen.Choose(1_000, 10_000)
        from salt in Gen.Choose(0, 1_000_000)
        from parallel in Gen.Choose(1, 400)
        select (nodes, shards, salt, parallel);

    public static TheoryData<string> Strategies => new([RendezvousStrategy.StrategyName, RingStrategy.StrategyName]);

    [Theory]
    [MemberData(nameof(Strategies))]
    public void A_join_moves_at_most_1_over_N_plus_1_plus_1_percent_all_onto_the_joiner(string strategy) =>
        Check.One(PlacementProperties.Settings(seed: 7103, tests: 12), Prop.ForAll(Arb.From(Grid), cell =>
        {
            var members = Members.Plain(cell.Nodes, $"n{cell.Salt}");
            var planner = Tables.Planner(strategy, cell.Shards, new RebalanceGuardrails(cell.Parallel, TimeSpan.FromSeconds(5)));
            var before = Tables.Settled(planner, members);
            var joiner = ShardMember.Plain($"joiner-{cell.Salt}");

            var (after, diffs, _) = Tables.Converge(planner, before, ShardMembership.Of(members.Append(joiner)), Tables.Start.AddHours(1));

            var moves = diffs.SelectMany(d => d.Moves).Where(m => m.ChangesOwner).ToList();
            moves.Should().OnlyContain(m => m.ToOwner == joiner.Id, "a join moves shards onto the joiner only");
            moves.Select(m => m.Shard).Should().OnlyHaveUniqueItems("no shard moves twice");
            Tables.OwnersChanged(before, after).Should().Be(moves.Count);
            ((double)moves.Count / cell.Shards).Should().BeLessThanOrEqualTo(1.0 / (cell.Nodes + 1) + 0.01, $"N={cell.Nodes}, S={cell.Shards}");
            after.Loads().Values.Max().Should().BeLessThanOrEqualTo((cell.Shards + cell.Nodes) / (cell.Nodes + 1), "each member holds ⌊S/(N+1)⌋ or ⌈S/(N+1)⌉");
        }));

    [Theory]
    [MemberData(nameof(Strategies))]
    public void A_leave_moves_exactly_the_leavers_shards(string strategy) =>
        Check.One(PlacementProperties.Settings(seed: 7211, tests: 12), Prop.ForAll(Arb.From(Grid), cell =>
        {
            var members = Members.Plain(cell.Nodes + 1, $"n{cell.Salt}");
            var planner = Tables.Planner(strategy, cell.Shards, new RebalanceGuardrails(cell.Parallel, TimeSpan.FromSeconds(5)));
            var before = Tables.Settled(planner, members);
            var leaver = members[cell.Salt % members.Count];

            var (after, diffs, _) = Tables.Converge(planner, before, ShardMembership.Of(members.Where(m => m != leaver)), Tables.Start.AddHours(1));

            diffs.Should().HaveCount(1, "the leaver's shards move at once and nothing else moves");
            var moved = Tables.OwnersChanged(before, after);
            moved.Should().Be(before.Loads()[leaver.Id]);
            ((double)moved / cell.Shards).Should().BeLessThanOrEqualTo(1.0 / (cell.Nodes + 1) + 0.01, $"N+1={cell.Nodes + 1}, S={cell.Shards}");
        }));

    [Fact]
    public void With_any_capacities_a_change_moves_at_most_the_ideal_fraction_plus_one_shard_per_member() =>
        Check.One(PlacementProperties.Settings(seed: 7307, tests: 25), Prop.ForAll(Arb.From(Grid), cell =>
        {
            var random = new Random(cell.Salt);
            var members = Members.Plain(cell.Nodes).Select(m => m with { Capacity = random.Next(0, 400) }).ToList();
            members[0] = members[0] with { Capacity = 100 };
            var after = members.Skip(1).Append(ShardMember.Plain("new") with { Capacity = random.Next(1, 400) }).ToList();
            var planner = Tables.Planner("rendezvous", cell.Shards);
            var before = Tables.Settled(planner, members);

            var (table, _, _) = Tables.Converge(planner, before, ShardMembership.Of(after), Tables.Start.AddHours(1));

            var ideal = ShardMoves.IdealFractionOf(members.Where(m => m.Capacity > 0).ToList(), after.Where(m => m.Capacity > 0).ToList());
            Tables.OwnersChanged(before, table).Should().BeLessThanOrEqualTo((int)Math.Ceiling(ideal * cell.Shards) + members.Count + 1);
        }));

    [Fact]
    public void The_planner_is_deterministic_whatever_the_member_order() =>
        Check.One(PlacementProperties.Settings(seed: 7411, tests: 20), Prop.ForAll(Arb.From(Grid), cell =>
        {
            var members = Members.Plain(cell.Nodes);
            var planner = Tables.Planner("ring", cell.Shards);

            Tables.Settled(planner, Members.Shuffled(members, cell.Salt)).Checksum.Should().Be(Tables.Settled(planner, members).Checksum);
        }));
}
