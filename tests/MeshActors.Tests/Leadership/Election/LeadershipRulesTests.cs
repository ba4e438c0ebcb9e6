using MeshActors.Leadership;
using MeshActors.Leadership.Election;

namespace MeshActors.Tests.Leadership.Election;

public sealed class LeadershipRulesTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);

    private static LeaseGrant Grant(string owner, long token, double expiresInSeconds = 2) =>
        new("c/leader/global", owner, token, T0, T0.AddSeconds(expiresInSeconds));

    private static LeaderInfo Known(string owner, long token, double expiresInSeconds = 2) => LeaderInfo.From("global", Grant(owner, token, expiresInSeconds));

    private static LeaseState Held(string owner, long token, double expiresInSeconds = 2) => new("c/leader/global", Grant(owner, token, expiresInSeconds), token);

    public static TheoryData<string, LeaderInfo?, LeaseState, string?, string?> Reads => new()
    {
        // what happened, known before, what the store said, leader known after, change kind
        { "first read shows a holder", null, Held("a", 1), "a#1", "elected" },
        { "first read shows nobody", null, new LeaseState("l", null, 0), null, null },
        { "a new term by another node", Known("a", 1), Held("b", 2), "b#2", "elected" },
        { "a new term by the same node (it acquired again)", Known("a", 1), Held("a", 2), "a#2", "elected" },
        { "the same term renewed only refreshes the expiry", Known("a", 1), Held("a", 1, 5), "a#1", null },
        { "a late read showing an earlier term is ignored", Known("b", 2), Held("a", 1), "b#2", null },
        { "the term ended and nobody holds it", Known("a", 1), new LeaseState("l", null, 1), null, "vacant" },
        { "a replica behind the known term proves nothing", Known("a", 3), new LeaseState("l", null, 2), "a#3", null },
    };

    [Theory]
    [MemberData(nameof(Reads))]
    public void A_read_is_folded_into_the_known_leader(string what, LeaderInfo? known, LeaseState state, string? after, string? kind)
    {
        var (next, change) = LeadershipRules.Observe("global", known, state, T0);

        (next is null ? null : $"{next.LeaderId}#{next.FencingToken}").Should().Be(after, what);
        change?.Kind.Should().Be(kind, what);
        (change is null).Should().Be(kind is null, what);
        if (change is not null)
        {
            change.Previous.Should().Be(known, what);
            change.Current.Should().Be(next, what);
            change.ObservedAt.Should().Be(T0);
        }
    }

    [Fact]
    public void A_renewal_read_moves_the_known_expiry_forward_and_never_back()
    {
        var known = Known("a", 1, 2);
        LeadershipRules.Observe("global", known, Held("a", 1, 5), T0).Known!.ExpiresAt.Should().Be(T0.AddSeconds(5));
        LeadershipRules.Observe("global", Known("a", 1, 5), Held("a", 1, 2), T0).Known!.ExpiresAt.Should().Be(T0.AddSeconds(5));
    }

    [Fact]
    public void Term_and_fencing_token_are_the_same_number()
    {
        var info = LeaderInfo.From("eu", Grant("a", 7));
        info.Term.Should().Be(7);
        info.FencingToken.Should().Be(7);
        info.Scope.Should().Be("eu");
    }

    [Theory]
    [InlineData(null, "b", 2L, false, "this node holds nothing")]
    [InlineData(3L, "b", 2L, false, "a read served before this node's acquisition shows the earlier term")]
    [InlineData(3L, "self", 3L, false, "the store agrees")]
    [InlineData(3L, "b", 4L, true, "the store granted a later term while this node's safe deadline has not passed")]
    [InlineData(3L, "b", 3L, true, "the same term under another owner")]
    [InlineData(3L, "self", 4L, true, "a later term under this node's id: another process with the same node id")]
    public void Two_holders_are_detected_only_when_the_store_shows_a_later_or_foreign_term(long? localToken, string owner, long storeToken, bool expected, string why)
    {
        var state = new LeaseState("l", new LeaseGrant("l", owner, storeToken, T0, T0.AddSeconds(2)), storeToken);
        LeadershipRules.TwoHolders("self", localToken, state).Should().Be(expected, why);
    }

    [Fact]
    public void A_free_lease_is_never_two_holders() =>
        LeadershipRules.TwoHolders("self", 3, new LeaseState("l", null, 3)).Should().BeFalse();
}
