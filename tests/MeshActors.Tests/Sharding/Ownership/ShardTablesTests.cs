using MeshActors.Sharding;
using MeshActors.Sharding.Akka;
using MeshActors.Sharding.Ownership;
using MeshActors.Sharding.Table;

namespace MeshActors.Tests.Sharding.Ownership;

public sealed class ShardTablesTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);

    private static ShardTable Version(long version, string owner) =>
        ShardTable.Create("orders", version, 1, T0, [.. Enumerable.Repeat(new ShardEntry(owner, ShardState.Active), 8)]);

    [Fact]
    public async Task Versions_only_go_forward_and_each_new_one_reaches_watchers_once()
    {
        var tables = new ShardTables([new ShardNamespace("orders", 8)]);
        tables.Table("orders").Version.Should().Be(0);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var updates = tables.WatchAsync(stop.Token).GetAsyncEnumerator(stop.Token);

        tables.Offer(Version(2, "a"), null).Should().BeTrue();
        tables.Offer(Version(1, "b"), null).Should().BeFalse("an older version never replaces a newer one");
        tables.Offer(Version(2, "b"), null).Should().BeFalse("nor does the same version again");
        var v3 = Version(3, "c");
        tables.Offer(v3, Version(2, "a").DiffTo(v3, "leader", "test")).Should().BeTrue();

        (await updates.MoveNextAsync()).Should().BeTrue();
        updates.Current.Should().Match<ShardTableUpdate>(u => u.Table.Version == 2 && u.PreviousVersion == 0 && u.Diff == null);
        (await updates.MoveNextAsync()).Should().BeTrue();
        updates.Current.Diff!.ToVersion.Should().Be(3);
        tables.Lookup("orders", "customer-42").Owner.Should().Be("c");
        tables.Complete();
        (await updates.MoveNextAsync()).Should().BeFalse("the node stopped");
    }

    [Fact]
    public void Lookups_agree_with_the_key_function_Akka_sharding_uses_and_unknown_namespaces_are_named()
    {
        var tables = new ShardTables([new ShardNamespace("orders", 1024)]);
        foreach (var key in Enumerable.Range(0, 2000).Select(i => $"key-{i}").Append("ключ").Append(""))
        {
            tables.Lookup("orders", key).Shard.Should().Be(ShardKeys.ShardOf(key, 1024), key);
        }

        tables.Owners("orders").OwnerOf(5).Should().BeNull("unassigned before the first version");
        var act = () => tables.Table("users");
        act.Should().Throw<ArgumentException>().WithMessage("*'users' is not a shard namespace here; namespaces: orders*");
    }
}
