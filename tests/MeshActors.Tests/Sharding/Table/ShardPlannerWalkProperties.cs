using FsCheck;
using FsCheck.Fluent;
using MeshActors.Sharding;
using MeshActors.Sharding.Table;

namespace MeshActors.Tests.Sharding.Table;

/// <summary>
/// Random walks of cluster changes (joins, removals, nodes turning unreachable and back, cordons and
/// uncordons, time passing) through the planner: the invariants hold after every version, and once the
/// cluster is quiet the table converges to exactly the quotas on the members that may own shards.
/// </summary>
public sealed class ShardPlannerWalkProperties
{
    private static readonly Gen<(int Shards, int Parallel, int Seed, bool Ring)> Walks =
        from shards in Gen.Choose(50, 600)
        from parallel in Gen.Choose(1, 40)
        from seed in Gen.Choose(0, int.MaxValue)
        from ring in Gen.Elements(true, false)
        select (shards, parallel, seed, ring);

    [Fact]
    public void Every_version_keeps_the_invariants_and_a_quiet_cluster_converges_to_the_quotas()
    {
        var seen = new HashSet<ShardState>();
        Check.One(PlacementProperties.Settings(seed: 8101, tests: 40), Prop.ForAll(Arb.From(Walks), walk =>
        {
            var random = new Random(walk.Seed);
            var cooldown = TimeSpan.FromSeconds(10);
            var planner = Tables.Planner(walk.Ring ? "ring" : "rendezvous", walk.Shards, new RebalanceGuardrails(walk.Parallel, cooldown));
            var members = Members.Plain(random.Next(1, 8)).ToList();
            var cordoned = new HashSet<string>(StringComparer.Ordinal);
            var unreachable = new HashSet<string>(StringComparer.Ordinal);
            var table = ShardTable.Unassigned("orders", walk.Shards);
            var now = Tables.Start;
            var nextId = members.Count;
            for (var step = 0; step < 60; step++)
            {
                switch (random.Next(8))
                {
                    case 0: members.Add(ShardMember.Plain($"node-{nextId++}")); break;
                    case 1 when members.Count > 0: members.RemoveAt(random.Next(members.Count)); break;
                    case 2 when members.Count > 0: Toggle(unreachable, members[random.Next(members.Count)].Id); break;
                    case 3 when members.Count > 0: Toggle(cordoned, members[random.Next(members.Count)].Id); break;
                }

                now += TimeSpan.FromSeconds(random.Next(0, 25));
                var membership = Tables.With(members, cordoned, unreachable);
                var change = planner.Next(table, membership, 1, "leader", now);
                if (change is not null)
                {
                    CheckStep(table, change, membership, walk.Parallel);
                    seen.UnionWith(change.Diff.Moves.Select(m => m.ToState));
                    table = change.Table;
                }
            }

            var quiet = Tables.With(members, cordoned, unreachable);
            var (final, diffs, _) = Tables.Converge(planner, table, quiet, now + cooldown);
            var owners = members.Where(m => !cordoned.Contains(m.Id) && !unreachable.Contains(m.Id)).Select(m => m.Id).ToHashSet();
            if (owners.Count == 0)
            {
                final.Entries().Should().OnlyContain(e => e.State == ShardState.Paused || e.State == ShardState.Draining);
                return;
            }

            final.Entries().Should().OnlyContain(e => e.State == ShardState.Active && owners.Contains(e.Owner));
            var loads = final.Loads().Values.ToList();
            loads.Should().HaveCount(Math.Min(owners.Count, walk.Shards));
            (loads.Max() - loads.Min()).Should().BeLessThanOrEqualTo(1, "equal members get ⌊S/N⌋ or ⌈S/N⌉");
        }));
        seen.Order().Should().Equal(Enum.GetValues<ShardState>(), "the walks reach every state");
    }

    private static void CheckStep(ShardTable before, ShardTableChange change, ShardMembership membership, int parallel)
    {
        var after = change.Table;
        after.Version.Should().Be(before.Version + 1);
        before.Apply(change.Diff).Checksum.Should().Be(after.Checksum, "the diff leads to the table");
        after.Entries().Count(e => e.State == ShardState.Moving).Should().BeLessThanOrEqualTo(parallel);
        var present = membership.Members.Select(m => m.Id).Where(id => !membership.Unreachable.Contains(id)).ToHashSet();
        foreach (var move in change.Diff.Moves.Where(m => m.ChangesOwner))
        {
            present.Should().Contain(move.ToOwner, "shards move only to reachable members");
            membership.Cordoned.Should().NotContain(move.ToOwner, "nothing lands on a cordoned node");
        }

        var anyOwner = present.Except(membership.Cordoned).Any();
        foreach (var entry in after.Entries())
        {
            if (!present.Contains(entry.Owner))
            {
                entry.State.Should().Be(ShardState.Paused, "a shard of a gone owner is reassigned or parked at once");
                anyOwner.Should().BeFalse("it is parked only when no member can take it");
            }
            else if (entry.State == ShardState.Draining)
            {
                membership.Cordoned.Should().Contain(entry.Owner, "only a cordoned owner drains (every member here is eligible)");
            }
        }
    }

    private static void Toggle(HashSet<string> set, string id)
    {
        if (!set.Remove(id))
        {
            set.Add(id);
        }
    }
}
