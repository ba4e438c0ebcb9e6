using MeshActors.Sharding;
using MeshActors.Sharding.Table;

namespace MeshActors.Tests.Sharding.Table;

/// <summary>The planner's rules, one scenario each.</summary>
public sealed class ShardPlannerTests
{
    private static readonly List<ShardMember> Five = Members.Plain(5);

    [Fact]
    public void The_first_version_assigns_every_shard_at_once_within_one_of_the_quota()
    {
        var planner = Tables.Planner("rendezvous", 1000, new RebalanceGuardrails(1, TimeSpan.FromMinutes(1)));

        var change = planner.Next(ShardTable.Unassigned("orders", 1000), ShardMembership.Of(Five), 3, "leader", Tables.Start)!;

        change.Table.Version.Should().Be(1);
        change.Table.FencingToken.Should().Be(3);
        change.Table.Entries().Should().OnlyContain(e => e.State == ShardState.Active, "unassigned shards are served by nobody, so no guardrail applies");
        change.Table.Loads().Values.Should().OnlyContain(load => load == 200);
        change.Diff.MovedShards.Should().Be(1000);
        (change.Diff.Author, change.Diff.At, change.Diff.FromVersion, change.Diff.ToVersion).Should().Be(("leader", Tables.Start, 0L, 1L));
        planner.Next(change.Table, ShardMembership.Of(Five), 3, "leader", Tables.Start.AddHours(1)).Should().BeNull("nothing changed");
    }

    [Fact]
    public void The_table_mostly_follows_the_strategy()
    {
        var planner = Tables.Planner("rendezvous", 1000);
        var table = Tables.Settled(planner, Five);
        var strategy = Members.Assign("rendezvous", planner.Namespace, Five);

        Enumerable.Range(0, 1000).Count(s => table.OwnerOf(s) == strategy[s]).Should().BeGreaterThan(850);
    }

    [Fact]
    public void Capacities_set_the_quotas()
    {
        var members = new List<ShardMember> { ShardMember.Plain("a") with { Capacity = 300 }, ShardMember.Plain("b"), ShardMember.Plain("c") with { Capacity = 0 } };
        var table = Tables.Settled(Tables.Planner("ring", 1000), members);

        table.Loads().Should().Equal(new Dictionary<string, int> { ["a"] = 750, ["b"] = 250 });
    }

    [Fact]
    public void Shards_of_an_unreachable_owner_move_at_once_whatever_the_guardrails_and_nothing_else_moves()
    {
        var planner = Tables.Planner("rendezvous", 1000, new RebalanceGuardrails(1, TimeSpan.FromHours(1)));
        var table = Tables.Settled(planner, Five);

        var change = planner.Next(table, Tables.With(Five, unreachable: ["node-2"]), 1, "leader", Tables.Start.AddSeconds(5))!;

        change.Diff.Moves.Should().HaveCount(200).And.OnlyContain(m => m.FromOwner == "node-2" && m.ToState == ShardState.Active);
        change.Table.Loads().Should().NotContainKey("node-2");
        change.Table.Loads().Values.Should().OnlyContain(load => load == 250);
        change.Diff.Reason.Should().Contain("200 shards of removed or unreachable owners reassigned");
    }

    [Fact]
    public void A_removed_owner_is_treated_like_an_unreachable_one()
    {
        var planner = Tables.Planner("ring", 500);
        var table = Tables.Settled(planner, Five);

        var next = planner.Next(table, ShardMembership.Of(Five.Take(4)), 1, "leader", Tables.Start)!.Table;

        next.Loads().Should().NotContainKey("node-4");
        Tables.OwnersChanged(table, next).Should().Be(100);
    }

    [Fact]
    public void With_no_member_to_take_them_shards_are_parked_and_reassigned_when_one_returns()
    {
        var planner = Tables.Planner("rendezvous", 100);
        var two = Members.Plain(2);
        var table = Tables.Settled(planner, two);

        var parked = planner.Next(table, Tables.With(two, unreachable: ["node-0", "node-1"]), 1, "leader", Tables.Start)!;
        parked.Table.Entries().Should().OnlyContain(e => e.State == ShardState.Paused);
        Tables.OwnersChanged(table, parked.Table).Should().Be(0, "a parked shard keeps its last owner, for the record");
        parked.Diff.Reason.Should().Contain("100 parked");

        var back = planner.Next(parked.Table, Tables.With(two, unreachable: ["node-1"]), 1, "leader", Tables.Start)!.Table;
        back.Entries().Should().OnlyContain(e => e.Owner == "node-0" && e.State == ShardState.Active);
    }

    [Fact]
    public void A_cordoned_node_drains_within_the_guardrails_and_nothing_lands_on_it()
    {
        var cooldown = TimeSpan.FromSeconds(30);
        var planner = Tables.Planner("rendezvous", 1000, new RebalanceGuardrails(25, cooldown));
        var table = Tables.Settled(planner, Five);
        var membership = Tables.With(Five, cordoned: ["node-1"]);
        var now = Tables.Start;

        var first = planner.Next(table, membership, 1, "leader", now)!.Table;
        first.Entries().Count(e => e.State == ShardState.Moving).Should().Be(25);
        first.Entries().Count(e => e is { Owner: "node-1", State: ShardState.Draining }).Should().Be(175);
        planner.Next(first, membership, 1, "leader", now + cooldown - TimeSpan.FromSeconds(1)).Should().BeNull("the batch is still within its cooldown");

        var (final, diffs, _) = Tables.Converge(planner, first, membership, now + cooldown);

        final.Loads().Should().NotContainKey("node-1");
        final.Entries().Should().OnlyContain(e => e.State == ShardState.Active);
        Tables.OwnersChanged(table, final).Should().Be(200, "only the cordoned node's shards move");
        diffs.Should().OnlyContain(d => d.Moves.All(m => !m.ChangesOwner || m.ToOwner != "node-1"));
        diffs.Should().OnlyContain(d => d.Moves.Count(m => m.ToState == ShardState.Moving) <= 25);
        diffs.Zip(diffs.Skip(1)).Should().OnlyContain(p => p.Second.At - p.First.At >= cooldown);
    }

    [Fact]
    public void Never_more_than_max_parallel_shards_are_moving()
    {
        var planner = Tables.Planner("ring", 1000, new RebalanceGuardrails(20, TimeSpan.FromSeconds(10)));
        var table = Tables.Settled(planner, Five);
        var membership = Tables.With(Members.Plain(8), cordoned: ["node-0"]);
        var now = Tables.Start;

        for (var step = 0; step < 10_000; step++)
        {
            var change = planner.Next(table, membership, 1, "leader", now);
            if (change is null && !table.Entries().Any(e => e.State == ShardState.Moving))
            {
                break;
            }

            table = change?.Table ?? table;
            table.Entries().Count(e => e.State == ShardState.Moving).Should().BeLessThanOrEqualTo(20);
            now += TimeSpan.FromSeconds(3);
        }

        table.Loads().Should().NotContainKey("node-0");
        table.Loads().Values.Should().OnlyContain(load => load == 142 || load == 143);
    }

    [Fact]
    public void Uncordoning_turns_draining_shards_back_to_active()
    {
        var planner = Tables.Planner("rendezvous", 100, new RebalanceGuardrails(1, TimeSpan.FromHours(1)));
        var table = Tables.Settled(planner, Five);
        var draining = planner.Next(table, Tables.With(Five, cordoned: ["node-3"]), 1, "leader", Tables.Start)!.Table;

        var back = planner.Next(draining, ShardMembership.Of(Five), 1, "leader", Tables.Start.AddMinutes(1))!.Table;

        back.Entries().Count(e => e.State == ShardState.Draining).Should().Be(0);
        back.Entries().Count(e => e.State == ShardState.Moving).Should().Be(1, "the move in flight completes; the shard can come back later");
    }

    [Fact]
    public void Graceful_moves_wait_for_approval_but_unserved_shards_do_not()
    {
        var planner = Tables.Planner("rendezvous", 100);
        var table = Tables.Settled(planner, Five);
        var membership = Tables.With(Members.Plain(7), unreachable: ["node-0"]);

        var held = planner.Next(table, membership, 1, "leader", Tables.Start, rebalanceApproved: false)!.Table;

        held.Loads().Should().NotContainKey("node-0");
        held.Entries().Should().OnlyContain(e => e.State == ShardState.Active);
        planner.Next(held, membership, 1, "leader", Tables.Start, rebalanceApproved: false).Should().BeNull();
        planner.Next(held, membership, 1, "leader", Tables.Start)!.Diff.Moves.Should().OnlyContain(m => m.ToState == ShardState.Moving);
    }

    [Fact]
    public void A_lower_fencing_token_or_another_namespace_is_refused()
    {
        var planner = Tables.Planner("rendezvous", 100);
        var table = planner.Next(ShardTable.Unassigned("orders", 100), ShardMembership.Of(Five), 5, "leader", Tables.Start)!.Table;

        planner.Invoking(p => p.Next(table, ShardMembership.Of(Five.Take(4)), 4, "old", Tables.Start))
            .Should().Throw<ArgumentException>().WithMessage("*4 is lower than 5*newer leader*");
        planner.Invoking(p => p.Next(ShardTable.Unassigned("users", 100), ShardMembership.Of(Five), 5, "leader", Tables.Start))
            .Should().Throw<ArgumentException>().WithMessage("*'users'*'orders'*");
        planner.Next(table, ShardMembership.Of(Five.Take(4)), 6, "new", Tables.Start)!.Table.FencingToken.Should().Be(6);
    }

    [Fact]
    public void A_dry_run_lists_the_moves_and_the_moved_fraction_without_guardrails()
    {
        var planner = Tables.Planner("rendezvous", 1000, new RebalanceGuardrails(1, TimeSpan.FromHours(1)));
        var table = Tables.Settled(planner, Five);

        var preview = planner.DryRun(table, Tables.With(Members.Plain(6), cordoned: ["node-4"]));

        preview.Moves.Should().HaveCount(200 + 0, "node-4's 200 drain to node-5, whose quota is exactly 200");
        preview.DrainingShards.Should().Be(200);
        preview.MovedFraction.Should().Be(0.2);
        planner.DryRun(table, ShardMembership.Of(Five)).IsEmpty.Should().BeTrue();
        planner.DryRun(table, Tables.With(Five, unreachable: Five.Select(m => m.Id))).ParkedShards.Should().Be(1000);
    }
}
