using FsCheck;
using FsCheck.Fluent;
using MeshActors.Views.Limits;

namespace MeshActors.Tests.Views.Limits;

public sealed class TokenBucketTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(new[] { 0, 0, 0 }, "++-")]
    [InlineData(new[] { 0, 0, 500, 1000 }, "++-+")]
    [InlineData(new[] { 0, 0, 10_000, 10_000, 10_000 }, "++++-")]
    [InlineData(new[] { 0, 0, -5000, 0 }, "++--")]
    public void A_bucket_of_rate_one_and_burst_two_admits_what_it_refilled(int[] atMs, string expected)
    {
        var bucket = TokenBucket.Full(1, 2, T0);
        var outcome = "";
        foreach (var ms in atMs)
        {
            var (taken, next) = bucket.TryTake(T0.AddMilliseconds(ms));
            outcome += taken ? "+" : "-";
            bucket = next;
        }

        outcome.Should().Be(expected);
    }

    [Fact]
    public void Bad_rates_are_refused()
    {
        FluentActions.Invoking(() => TokenBucket.Full(-1, 2, T0)).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => TokenBucket.Full(1, 0.5, T0)).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => TokenBucket.Full(double.NaN, 2, T0)).Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Over_any_window_it_admits_at_most_the_burst_plus_the_rate_times_the_window()
    {
        var steps = Gen.Choose(-100, 2000).ListOf().Select(l => l.ToArray());
        Check.One(PropertySettings.Seeded(5, 500), Prop.ForAll(Arb.From(Gen.Choose(1, 20)), Arb.From(Gen.Choose(1, 10)), Arb.From(steps), (rate, burst, gaps) =>
        {
            var bucket = TokenBucket.Full(rate, burst, T0);
            var now = T0;
            var latest = T0;
            var taken = 0;
            foreach (var gap in gaps)
            {
                now = now.AddMilliseconds(gap);
                latest = latest > now ? latest : now;
                var (ok, next) = bucket.TryTake(now);
                taken += ok ? 1 : 0;
                bucket = next;
                bucket.Tokens.Should().BeInRange(0, burst);
            }

            taken.Should().BeLessThanOrEqualTo((int)Math.Floor(burst + (rate * (latest - T0).TotalSeconds) + 1e-9));
        }));
    }
}
