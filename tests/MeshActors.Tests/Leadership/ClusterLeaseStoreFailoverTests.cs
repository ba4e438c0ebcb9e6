using MeshActors.Leadership;

namespace MeshActors.Tests.Leadership;

/// <summary>The <c>cluster</c> store when the arbiter's node goes away, on real three-node clusters (one per
/// test, since each test breaks its own): tokens keep increasing after the singleton moves (its node crashed and
/// was downed, or left), the new arbiter grants no name its predecessor issued before a full max-ttl has passed,
/// and an arbiter cut off from the majority grants and renews nothing because no majority answers it.</summary>
public sealed class ClusterLeaseStoreFailoverTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Tokens_keep_increasing_after_the_arbiters_node_crashes_and_is_downed_or_leaves(bool crash)
    {
        await using var cluster = await ClusterLeaseStoreTestCluster.StartAsync(3);
        var settings = ClusterLeaseStoreSettings.Default with { ArbiterName = "failover", MaxTtl = TimeSpan.FromSeconds(3), MajorityTimeout = TimeSpan.FromSeconds(2) };
        var stores = cluster.Nodes.Select(n => new ClusterLeaseStore(n, settings)).ToArray();
        var (onNode1, onNode2) = (stores[1], stores[2]);

        var first = await ClusterLeaseStoreTestCluster.Eventually(() => onNode1.TryAcquireAsync("leader", "a", settings.MaxTtl));
        (await onNode1.ReleaseAsync("leader", "a", first.FencingToken)).Should().BeTrue();
        var held = (await onNode2.TryAcquireAsync("leader", "a", settings.MaxTtl))!;
        held.FencingToken.Should().Be(2);

        var goneAt = DateTimeOffset.UtcNow;
        if (crash)
        {
            await cluster.CrashAsync(0); // the oldest node: the arbiter's
            await cluster.DownAsync(0, by: 1);
        }
        else
        {
            await cluster.LeaveAsync(0); // a graceful hand-over: the old arbiter stops before the new one starts
        }

        var afterFailover = await ClusterLeaseStoreTestCluster.Eventually(async () =>
            await onNode2.ReadAsync("leader") is { LastToken: > 0 } state ? state : null);
        afterFailover.LastToken.Should().Be(2, "the new arbiter read the counter from a majority");
        (await onNode1.TryRenewAsync("leader", "a", held.FencingToken, settings.MaxTtl)).Should().BeNull("a term of the previous arbiter's era is not renewed");
        (await onNode1.ReleaseAsync("leader", "a", held.FencingToken)).Should().BeFalse("nor released");
        (await onNode1.TryAcquireAsync("fresh", "c", settings.MaxTtl))!.FencingToken.Should().Be(1, "a name never issued needs no grace");

        var next = await ClusterLeaseStoreTestCluster.Eventually(() => onNode2.TryAcquireAsync("leader", "b", settings.MaxTtl));
        next.FencingToken.Should().Be(3);
        next.AcquiredAt.Should().BeOnOrAfter(goneAt + settings.MaxTtl, "the term the old arbiter granted may run a full max-ttl");
        (await onNode1.ReadAsync("leader")).Holder.Should().Be(next);
    }

    [Fact]
    public async Task An_arbiter_cut_off_from_the_majority_grants_and_renews_nothing()
    {
        await using var cluster = await ClusterLeaseStoreTestCluster.StartAsync(3);
        var settings = ClusterLeaseStoreSettings.Default with { ArbiterName = "minority", MaxTtl = TimeSpan.FromSeconds(30), MajorityTimeout = TimeSpan.FromSeconds(1) };
        foreach (var node in cluster.Nodes)
        {
            ClusterLeaseArbiters.Get(node).Start(settings);
        }

        var store = new ClusterLeaseStore(cluster.Nodes[0], settings); // the arbiter runs here, on the oldest
        var held = await ClusterLeaseStoreTestCluster.Eventually(() => store.TryAcquireAsync("leader", "a", settings.MaxTtl));

        await cluster.CrashAsync(1);
        await cluster.CrashAsync(2);

        var acquire = () => store.TryAcquireAsync("other", "b", settings.MaxTtl);
        (await acquire.Should().ThrowAsync<InvalidOperationException>()).Which.Message.Should().Contain("no majority");
        var renew = () => store.TryRenewAsync("leader", "a", held.FencingToken, settings.MaxTtl);
        (await renew.Should().ThrowAsync<InvalidOperationException>()).Which.Message.Should().Contain("no majority");

        var other = await store.ReadAsync("other");
        other.Holder.Should().BeNull();
        other.LastToken.Should().Be(1, "the failed token may have reached a replica, so it is never issued");
        (await store.ReadAsync("leader")).Holder.Should().Be(held, "the term was not extended");
        var again = () => store.TryAcquireAsync("other", "b", settings.MaxTtl);
        await again.Should().ThrowAsync<InvalidOperationException>("a retry is no luckier while the majority is gone");
    }
}
