using MeshActors.Actors;
using MeshActors.Membership;
using static MeshActors.Membership.MemberStatus;

namespace MeshActors.Tests.Membership;

public sealed class MemberPrecedenceTests
{
    [Theory]
    [InlineData(Alive, 1, null, null, true)]
    [InlineData(Alive, 2, Suspect, 1, true)]
    [InlineData(Alive, 1, Suspect, 1, false)]
    [InlineData(Alive, 1, Alive, 1, false)]
    [InlineData(Alive, 5, Dead, 4, true)]
    [InlineData(Alive, 4, Dead, 4, false)]
    [InlineData(Alive, 3, Left, 2, true)]
    [InlineData(Suspect, 1, Alive, 1, true)]
    [InlineData(Suspect, 0, Alive, 1, false)]
    [InlineData(Suspect, 2, Suspect, 1, true)]
    [InlineData(Suspect, 1, Suspect, 1, false)]
    [InlineData(Suspect, 1, Dead, 1, false)]
    [InlineData(Dead, 1, Suspect, 1, true)]
    [InlineData(Dead, 1, Alive, 1, true)]
    [InlineData(Dead, 0, Alive, 1, false)]
    [InlineData(Left, 1, Dead, 1, true)]
    [InlineData(Dead, 1, Left, 1, false)]
    public void Higher_incarnation_wins_and_at_equal_incarnation_worse_news_wins(
        MemberStatus incoming, int incomingIncarnation, MemberStatus? current, int? currentIncarnation, bool expected)
    {
        MemberClaim? known = current is { } status ? new MemberClaim(status, (ulong)currentIncarnation!.Value) : null;
        MemberPrecedence.Overrides(new MemberClaim(incoming, (ulong)incomingIncarnation), known).Should().Be(expected);
    }

    [Theory]
    [InlineData(Suspect, 3, 3, 4ul)]
    [InlineData(Suspect, 5, 3, 6ul)]
    [InlineData(Suspect, 2, 3, null)]
    [InlineData(Dead, 3, 3, 4ul)]
    [InlineData(Alive, 9, 3, null)]
    [InlineData(Left, 3, 3, null)]
    public void A_member_refutes_news_of_its_own_suspicion_or_death_one_incarnation_higher(MemberStatus status, int claimed, int own, ulong? expected) =>
        MemberPrecedence.Refutation(new MemberClaim(status, (ulong)claimed), (ulong)own).Should().Be(expected);

    [Fact]
    public void A_refutation_overrides_the_claim_it_answers()
    {
        var suspicion = new MemberClaim(Suspect, 7);
        var answer = new MemberClaim(Alive, MemberPrecedence.Refutation(suspicion, 7)!.Value);
        MemberPrecedence.Overrides(answer, suspicion).Should().BeTrue();
    }

    [Fact]
    public void Merging_is_commutative_associative_and_idempotent_so_gossip_order_does_not_matter()
    {
        var random = new SeededRandomSource(404);
        MemberClaim Any() => new((MemberStatus)random.Next(4), (ulong)random.Next(4));
        for (var i = 0; i < 20_000; i++)
        {
            var (a, b, c) = (Any(), Any(), Any());
            var ab = MemberPrecedence.Merge(a, b);
            ab.Should().Be(MemberPrecedence.Merge(b, a), $"{a} and {b}");
            MemberPrecedence.Merge(ab, c).Should().Be(MemberPrecedence.Merge(a, MemberPrecedence.Merge(b, c)), $"{a}, {b}, {c}");
            MemberPrecedence.Merge(a, a).Should().Be(a);
        }
    }
}
