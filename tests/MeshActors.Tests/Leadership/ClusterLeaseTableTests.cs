using MeshActors.Leadership;

namespace MeshActors.Tests.Leadership;

/// <summary>The <c>cluster</c> store's pure table: token floors and the grace after an arbiter change.</summary>
public sealed class ClusterLeaseTableTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Ttl = TimeSpan.FromSeconds(4);
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(10);

    [Fact]
    public void A_new_arbiter_grants_a_name_its_predecessor_issued_only_after_the_grace_and_with_a_higher_token()
    {
        var table = ClusterLeaseTable.Recovered([KeyValuePair.Create("leader", 7L)], T0, Grace);

        table.View("leader", T0).Should().Be(new LeaseState("leader", null, 7));
        table.ProposeAcquire("leader", "a", T0 + Grace - TimeSpan.FromTicks(1), Ttl).Should().BeNull("a term of the previous era may still run");
        var row = table.ProposeAcquire("leader", "a", T0 + Grace, Ttl)!;
        row.Token.Should().Be(8);
        table.ProposeAcquire("fresh", "a", T0, Ttl)!.Token.Should().Be(1, "a name with no token was never granted");
    }

    [Fact]
    public void Terms_of_the_previous_era_are_neither_renewed_nor_released()
    {
        var table = ClusterLeaseTable.Recovered([KeyValuePair.Create("leader", 7L)], T0, Grace);

        table.ProposeRenew("leader", "a", 7, T0, Ttl).Should().BeNull();
        table.Release("leader", "a", 7, T0).Should().BeNull();
    }

    [Fact]
    public void A_proposal_changes_nothing_until_granted_and_a_failed_write_burns_its_token()
    {
        var table = ClusterLeaseTable.Empty;
        var proposed = table.ProposeAcquire("leader", "a", T0, Ttl)!;
        table.View("leader", T0).Should().Be(new LeaseState("leader", null, 0));

        var failed = table.Attempted("leader", proposed.Token);
        failed.View("leader", T0).Should().Be(new LeaseState("leader", null, 1));
        var retried = failed.ProposeAcquire("leader", "a", T0, Ttl)!;
        retried.Token.Should().Be(2);

        var granted = failed.Granted(retried);
        granted.View("leader", T0).Holder!.FencingToken.Should().Be(2);
        granted.ProposeAcquire("leader", "b", T0 + Ttl - TimeSpan.FromTicks(1), Ttl).Should().BeNull();
        granted.ProposeRenew("leader", "a", 2, T0 + Ttl / 2, Ttl)!.ExpiresAt.Should().Be(T0 + Ttl / 2 + Ttl);
        var released = granted.Release("leader", "a", 2, T0)!;
        released.View("leader", T0).Should().Be(new LeaseState("leader", null, 2));
        released.ProposeAcquire("leader", "b", T0, Ttl)!.Token.Should().Be(3);
    }
}
