using MeshActors.Sharding;
using MeshActors.Sharding.Table;

namespace MeshActors.Tests.Sharding.Table;

/// <summary>
/// The behaviour every shard-table store shares, run against each store's real backend (as
/// <c>LeaseStoreConformance</c> is for leases). A store's test class derives from this and opens clients
/// over one fresh backing space per test.
/// </summary>
public abstract class ShardTableStoreConformance
{
    private static readonly List<ShardMember> Five = Members.Plain(5);

    /// <summary>Prepares a fresh, empty backing space and returns a way to open clients over it (as separate processes would).</summary>
    protected abstract Task<Func<IShardTableStore>> CreateBackendAsync();

    /// <summary>The store's configuration name.</summary>
    protected abstract string StoreName { get; }

    private static ShardPlanner Planner => Tables.Planner("rendezvous", 64, new RebalanceGuardrails(4, TimeSpan.Zero));

    private static ShardTableChange Plan(ShardTable current, IEnumerable<ShardMember> members, long token, string author = "leader-a", int minutes = 0) =>
        Planner.Next(current, ShardMembership.Of(members), token, author, Tables.Start.AddMinutes(current.Version + minutes))!;

    [Fact]
    public async Task An_unwritten_namespace_has_no_table_and_no_history()
    {
        var open = await CreateBackendAsync();
        await using var store = open();

        store.Name.Should().Be(StoreName);
        (await store.LoadLatestAsync("orders")).Should().BeNull();
        (await store.HistoryAsync("orders", 0, long.MaxValue)).Should().BeEmpty();
    }

    [Fact]
    public async Task Appended_versions_load_back_and_their_history_replays_to_the_latest_table()
    {
        var open = await CreateBackendAsync();
        await using var store = open();
        var v1 = Plan(ShardTable.Unassigned("orders", 64), Five, 1);
        var v2 = Plan(v1.Table, Five.Take(4), 1);

        (await store.AppendAsync(v1.Table, v1.Diff)).Should().Be(new ShardTableAppendResult(ShardTableAppendOutcome.Appended, 1, 1));
        (await store.AppendAsync(v2.Table, v2.Diff)).Appended.Should().BeTrue();

        await using var other = open();
        var latest = (await other.LoadLatestAsync("orders"))!;
        latest.Version.Should().Be(2);
        latest.Checksum.Should().Be(v2.Table.Checksum);
        latest.Entries().Should().Equal(v2.Table.Entries());
        var history = await other.HistoryAsync("orders", 0, 2);
        history.Select(d => d.ToVersion).Should().Equal(1, 2);
        history[1].Should().BeEquivalentTo(v2.Diff);
        history.Aggregate(ShardTable.Unassigned("orders", 64), (t, d) => t.Apply(d)).Checksum.Should().Be(v2.Table.Checksum);
        (await other.HistoryAsync("orders", 1, 2)).Select(d => d.FromVersion).Should().Equal(1);
        (await other.HistoryAsync("orders", 0, 1)).Select(d => d.ToVersion).Should().Equal(1);
    }

    [Fact]
    public async Task A_version_that_is_not_latest_plus_1_is_refused_and_changes_nothing()
    {
        var open = await CreateBackendAsync();
        await using var store = open();
        var v1 = Plan(ShardTable.Unassigned("orders", 64), Five, 1);
        var v2 = Plan(v1.Table, Five.Take(4), 1);

        (await store.AppendAsync(v2.Table, v2.Diff)).Should().Be(new ShardTableAppendResult(ShardTableAppendOutcome.VersionConflict, 0, 0), "version 1 comes first");
        await store.AppendAsync(v1.Table, v1.Diff);
        var again = await store.AppendAsync(v1.Table, v1.Diff);

        again.Outcome.Should().Be(ShardTableAppendOutcome.VersionConflict);
        again.Message.Should().Contain("must be version 2");
        (await store.LoadLatestAsync("orders"))!.Version.Should().Be(1);
        (await store.HistoryAsync("orders", 0, 10)).Should().HaveCount(1);
    }

    [Fact]
    public async Task A_stale_leader_is_refused_after_a_newer_leader_wrote()
    {
        var open = await CreateBackendAsync();
        await using var oldLeader = open();
        await using var newLeader = open();
        var v1 = Plan(ShardTable.Unassigned("orders", 64), Five, 1, "leader-a");
        await oldLeader.AppendAsync(v1.Table, v1.Diff);

        var byNew = Plan(v1.Table, Five.Take(4), 2, "leader-b");
        var byOld = Plan(v1.Table, Five.Take(3), 1, "leader-a");
        (await newLeader.AppendAsync(byNew.Table, byNew.Diff)).Appended.Should().BeTrue();

        var refused = await oldLeader.AppendAsync(byOld.Table, byOld.Diff);
        refused.Should().Be(new ShardTableAppendResult(ShardTableAppendOutcome.StaleToken, 2, 2));
        refused.Message.Should().Contain("newer leader");
        var atRightVersion = ShardTable.Create("orders", 3, 1, Tables.Start.AddHours(1), byOld.Table.Entries().ToList());
        var stale = byNew.Table.DiffTo(atRightVersion, "leader-a", "a deposed leader that read the new version");
        (await oldLeader.AppendAsync(atRightVersion, stale)).Outcome.Should().Be(ShardTableAppendOutcome.StaleToken, "even at the right version");
        (await oldLeader.LoadLatestAsync("orders"))!.Checksum.Should().Be(byNew.Table.Checksum);
    }

    [Fact]
    public async Task A_new_leader_continues_from_the_last_version_and_never_goes_back()
    {
        var open = await CreateBackendAsync();
        var table = ShardTable.Unassigned("orders", 64);
        await using (var first = open())
        {
            foreach (var members in new[] { Five, Members.Plain(6), Five })
            {
                var change = Plan(table, members, 3, "leader-a");
                (await first.AppendAsync(change.Table, change.Diff)).Appended.Should().BeTrue();
                table = change.Table;
            }
        }

        await using var successor = open();
        var latest = (await successor.LoadLatestAsync("orders"))!;
        latest.Version.Should().Be(3);
        var next = Plan(latest, Five.Take(4), 4, "leader-b");
        next.Table.Version.Should().Be(4);
        (await successor.AppendAsync(next.Table, next.Diff)).Should().Be(new ShardTableAppendResult(ShardTableAppendOutcome.Appended, 4, 4));

        var older = Plan(ShardTable.Unassigned("orders", 64), Five, 5, "leader-b");
        (await successor.AppendAsync(older.Table, older.Diff)).Outcome.Should().Be(ShardTableAppendOutcome.VersionConflict, "a higher token does not take the table back to version 1");
        (await successor.HistoryAsync("orders", 0, long.MaxValue)).Select(d => (d.ToVersion, d.FencingToken, d.Author))
            .Should().Equal((1L, 3L, "leader-a"), (2L, 3L, "leader-a"), (3L, 3L, "leader-a"), (4L, 4L, "leader-b"));
    }

    [Fact]
    public async Task Of_concurrent_writers_of_one_version_exactly_one_wins()
    {
        var open = await CreateBackendAsync();
        var v1 = Plan(ShardTable.Unassigned("orders", 64), Five, 1);
        await using (var store = open())
        {
            await store.AppendAsync(v1.Table, v1.Diff);
        }

        var writers = Enumerable.Range(0, 8).Select(i => (Store: open(), Change: Plan(v1.Table, Five.Where((_, j) => j != i % 5), 1 + i / 2, $"leader-{i}"))).ToList();
        var results = await Task.WhenAll(writers.Select(w => Task.Run(() => w.Store.AppendAsync(w.Change.Table, w.Change.Diff))));
        foreach (var (store, _) in writers)
        {
            await store.DisposeAsync();
        }

        results.Count(r => r.Appended).Should().Be(1);
        await using var reader = open();
        (await reader.LoadLatestAsync("orders"))!.Version.Should().Be(2);
        (await reader.HistoryAsync("orders", 0, 5)).Should().HaveCount(2);
    }

    [Fact]
    public async Task Namespaces_are_independent_and_a_mismatched_diff_is_a_caller_error()
    {
        var open = await CreateBackendAsync();
        await using var store = open();
        var orders = Plan(ShardTable.Unassigned("orders", 64), Five, 9);
        var users = new ShardPlanner(new ShardNamespace("users", 8), Members.Strategy("ring"), Tables.Unlimited)
            .Next(ShardTable.Unassigned("users", 8), ShardMembership.Of(Five), 1, "leader", Tables.Start)!;

        (await store.AppendAsync(orders.Table, orders.Diff)).Appended.Should().BeTrue();
        (await store.AppendAsync(users.Table, users.Diff)).Appended.Should().BeTrue("token 9 in orders does not fence users");
        (await store.LoadLatestAsync("users"))!.ShardCount.Should().Be(8);
        await store.Invoking(s => s.AppendAsync(orders.Table, users.Diff)).Should().ThrowAsync<ArgumentException>().WithMessage("*does not lead to the table*");
    }
}
