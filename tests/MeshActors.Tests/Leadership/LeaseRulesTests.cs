using MeshActors.Leadership;

namespace MeshActors.Tests.Leadership;

/// <summary>The pure lease state machine, as a table.</summary>
public sealed class LeaseRulesTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Ttl = TimeSpan.FromSeconds(10);
    private static readonly LeaseRow Held = new("l", "a", 5, T0, T0 + Ttl);

    [Theory]
    [InlineData(null, 0, 1)]      // never held
    [InlineData("a", 0, 6)]       // held by the caller: a new term
    [InlineData("b", 0, null)]    // held by another
    [InlineData("b", 10, 6)]      // expired at exactly its expiry instant
    [InlineData("b", 11, 6)]      // long expired
    public void Acquire(string? caller, int secondsLater, int? expectedToken)
    {
        var current = caller is null ? null : Held;
        var next = LeaseRules.Acquire(current, "l", caller ?? "a", T0.AddSeconds(secondsLater), Ttl);

        next?.Token.Should().Be(expectedToken);
        if (expectedToken is null)
        {
            next.Should().BeNull();
        }
    }

    [Theory]
    [InlineData("a", 5, 9, true)]
    [InlineData("a", 4, 9, false)]   // stale token
    [InlineData("b", 5, 9, false)]   // wrong owner
    [InlineData("a", 5, 10, false)]  // expired
    public void Renew(string owner, long token, int secondsLater, bool renewed)
    {
        var next = LeaseRules.Renew(Held, owner, token, T0.AddSeconds(secondsLater), Ttl);

        (next is not null).Should().Be(renewed);
        next?.ExpiresAt.Should().Be(T0.AddSeconds(secondsLater) + Ttl);
        next?.Token.Should().Be(5);
    }

    [Fact]
    public void Release_keeps_the_counter_and_a_released_row_is_free()
    {
        var released = LeaseRules.Release(Held, "a", 5, T0.AddSeconds(1))!;

        LeaseRules.Release(Held, "a", 4, T0).Should().BeNull();
        LeaseRules.View("l", released, T0.AddSeconds(1)).Should().Be(new LeaseState("l", null, 5));
        LeaseRules.Acquire(released, "l", "b", T0.AddSeconds(1), Ttl)!.Token.Should().Be(6);
    }

    [Fact]
    public void The_safe_deadline_ends_a_margin_before_the_term_counted_from_the_send()
    {
        var deadline = LeaseTerm.Deadline(sentAt: 1_000, TimeSpan.FromSeconds(4), TimeSpan.FromMilliseconds(250), frequency: 1_000);

        deadline.Should().Be(1_000 + 3_750);
        new LeaseTerm(new LeaseGrant("l", "a", 1, T0, T0), deadline).IsSafeAt(4_749).Should().BeTrue();
        new LeaseTerm(new LeaseGrant("l", "a", 1, T0, T0), deadline).IsSafeAt(4_750).Should().BeFalse();
    }
}
