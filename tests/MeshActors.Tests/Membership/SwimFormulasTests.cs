using MeshActors.Membership;

namespace MeshActors.Tests.Membership;

public sealed class SwimFormulasTests
{
    [Theory]
    [InlineData(4, 0, 0)]
    [InlineData(4, 1, 4)]
    [InlineData(4, 9, 4)]
    [InlineData(4, 10, 8)]
    [InlineData(4, 99, 8)]
    [InlineData(4, 100, 12)]
    [InlineData(4, 1_000, 16)]
    [InlineData(4, 10_000, 20)]
    [InlineData(3, 200, 9)]
    public void Retransmit_limit_is_mult_times_ceil_log10_of_n_plus_one(int mult, int members, int expected) =>
        SwimFormulas.RetransmitLimit(mult, members).Should().Be(expected);

    [Theory]
    [InlineData(4, 1, 4000)]
    [InlineData(4, 10, 4000)]
    [InlineData(4, 100, 8000)]
    [InlineData(4, 1_000, 12000)]
    [InlineData(5, 50, 8494.85)]
    public void Suspicion_minimum_scales_with_log10_of_n_but_never_below_one_interval_multiple(int mult, int members, double expectedMs) =>
        SwimFormulas.SuspicionMinimum(mult, members, TimeSpan.FromSeconds(1)).TotalMilliseconds.Should().BeApproximately(expectedMs, 0.01);

    [Theory]
    [InlineData(0, 3, 24000)]
    [InlineData(1, 3, 14000)]
    [InlineData(2, 3, 8150.375)]
    [InlineData(3, 3, 4000)]
    [InlineData(10, 3, 4000)]
    [InlineData(0, 0, 4000)]
    public void Lifeguard_suspicion_starts_at_the_maximum_and_falls_with_confirmations(int confirmations, int expected, double expectedMs) =>
        SwimFormulas.SuspicionTimeout(TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(24), confirmations, expected)
            .TotalMilliseconds.Should().BeApproximately(expectedMs, 0.01);

    [Theory]
    [InlineData(4, 10, 2)]
    [InlineData(4, 4, 2)]
    [InlineData(4, 3, 0)]
    [InlineData(1, 100, 0)]
    [InlineData(6, 100, 4)]
    public void Expected_confirmations_are_mult_minus_two_when_enough_members_exist(int mult, int members, int expected) =>
        SwimFormulas.ExpectedConfirmations(mult, members).Should().Be(expected);

    [Theory]
    [InlineData(1, 30)]
    [InlineData(32, 30)]
    [InlineData(33, 60)]
    [InlineData(64, 60)]
    [InlineData(65, 90)]
    [InlineData(1_000, 180)]
    [InlineData(10_000, 300)]
    public void Push_pull_slows_down_one_interval_per_doubling_above_32_members(int members, int expectedSeconds) =>
        SwimFormulas.PushPullInterval(TimeSpan.FromSeconds(30), members).Should().Be(TimeSpan.FromSeconds(expectedSeconds));

    [Theory]
    [InlineData(0, 500)]
    [InlineData(3, 2000)]
    [InlineData(8, 4500)]
    [InlineData(20, 4500)]
    [InlineData(-1, 500)]
    public void Local_health_stretches_timeouts_by_awareness_plus_one_clamped(int awareness, int expectedMs) =>
        SwimFormulas.ScaleByHealth(TimeSpan.FromMilliseconds(500), awareness, maxAwareness: 8).Should().Be(TimeSpan.FromMilliseconds(expectedMs));
}
