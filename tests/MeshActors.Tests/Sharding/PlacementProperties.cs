using FsCheck;
using FsCheck.Fluent;
using MeshActors.Sharding;
using Microsoft.FSharp.Core;

namespace MeshActors.Tests.Sharding;

/// <summary>Properties every strategy keeps: determinism, order independence, eligible owners only.</summary>
public sealed class PlacementProperties
{
    private static readonly string[] RolePool = ["api", "worker", "batch"];
    private static readonly string[] ZonePool = ["zone-a", "zone-b", "zone-c"];

    /// <summary>A random namespace and 1–40 members with random roles, zones, regions and capacities (0, 50, 100, 200).</summary>
    private static readonly Gen<(ShardNamespace Namespace, List<ShardMember> Members)> Inputs =
        from shards in Gen.Choose(1, 2_000)
        from count in Gen.Choose(1, 40)
        from seed in Gen.Choose(0, int.MaxValue)
        from roleMask in Gen.Choose(0, 7)
        from zoneChoice in Gen.Choose(0, 3)
        select Build(shards, count, seed, roleMask, zoneChoice);

    public static TheoryData<string> Strategies => new(ShardPlacementStrategies.Names);

    [Theory]
    [MemberData(nameof(Strategies))]
    public void Same_input_in_any_order_gives_the_same_owners(string strategy) =>
        Check.One(Settings(seed: 3101, tests: 150), Prop.ForAll(Arb.From(Inputs), input =>
        {
            if (!AnyEligible(input))
            {
                return;
            }

            var once = Members.Assign(strategy, input.Namespace, input.Members);
            var again = Members.Assign(strategy, input.Namespace, Members.Shuffled(input.Members, input.Members.Count));
            Enumerable.Range(0, once.ShardCount).Where(s => once[s] != again[s]).Should().BeEmpty();
        }));

    [Theory]
    [MemberData(nameof(Strategies))]
    public void Every_shard_gets_an_eligible_owner_or_placement_is_refused(string strategy) =>
        Check.One(Settings(seed: 4711, tests: 150), Prop.ForAll(Arb.From(Inputs), input =>
        {
            var prepare = () => Members.Strategy(strategy).Prepare(input.Namespace, input.Members);
            if (!AnyEligible(input))
            {
                prepare.Should().Throw<ArgumentException>().WithMessage("*none of the * members is eligible*");
                return;
            }

            var placement = prepare();
            var eligible = input.Members.Where(input.Namespace.IsEligible).Select(m => m.Id).ToHashSet();
            var assignment = placement.AssignAll();
            Enumerable.Range(0, assignment.ShardCount).Select(s => assignment[s]).Should().OnlyContain(id => eligible.Contains(id));
            Enumerable.Range(0, assignment.ShardCount).Should().OnlyContain(s => placement.OwnerOf(s) == assignment[s]);
        }));

    [Fact]
    public void Duplicate_ids_and_bad_capacities_are_refused_by_name()
    {
        var ns = new ShardNamespace("orders", 10);
        var twice = () => new RendezvousStrategy().Prepare(ns, [ShardMember.Plain("a"), ShardMember.Plain("a")]);
        var negative = () => new RingStrategy().Prepare(ns, [ShardMember.Plain("a") with { Capacity = -1 }]);

        twice.Should().Throw<ArgumentException>().WithMessage("member id a is given twice*");
        negative.Should().Throw<ArgumentException>().WithMessage("member a has capacity -1*");
    }

    private static bool AnyEligible((ShardNamespace Namespace, List<ShardMember> Members) input) =>
        input.Members.Any(input.Namespace.IsEligible);

    private static (ShardNamespace, List<ShardMember>) Build(int shards, int count, int seed, int roleMask, int zoneChoice)
    {
        var random = new Random(seed);
        var members = Enumerable.Range(0, count).Select(i => new ShardMember(
            $"m{random.Next(1_000_000)}-{i}",
            RolePool.Where(_ => random.Next(2) == 0).ToHashSet(),
            ZonePool[random.Next(ZonePool.Length)],
            random.Next(2) == 0 ? "eu" : "us",
            new[] { 0, 50, 100, 200 }[random.Next(4)])).ToList();
        var roles = RolePool.Where((_, bit) => (roleMask & (1 << bit)) != 0).ToHashSet();
        var zone = zoneChoice < ZonePool.Length ? ZonePool[zoneChoice] : null;
        return (new ShardNamespace($"ns-{seed}", shards, roles, zone, "eu"), members);
    }

    internal static Config Settings(ulong seed, int tests) =>
        Config.QuickThrowOnFailure
            .WithMaxTest(tests)
            .WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(seed, 0x9E3779B97F4A7C15UL), FSharpOption<int>.None)));
}
