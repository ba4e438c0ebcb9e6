using MeshActors.Views.Pex;

namespace MeshActors.Tests.Views.Pex;

public sealed class PexRequestLimiterTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(new[] { 0, 0, 0 }, "++-")]
    [InlineData(new[] { 0, 0, 5, 10 }, "++-+")]
    [InlineData(new[] { 0, 0, 10, 11, 20 }, "+++-+")]
    [InlineData(new[] { 0, 0, 60, 60, 60 }, "++++-")]
    public void One_request_per_ten_seconds_with_bursts_of_two(int[] atSeconds, string expected)
    {
        var limiter = PexRequestLimiter.Empty(PexOptions.Default);
        var outcome = "";
        foreach (var s in atSeconds)
        {
            (var allowed, limiter) = limiter.TryAdmit("asker", T0.AddSeconds(s));
            outcome += allowed ? "+" : "-";
        }

        outcome.Should().Be(expected);
    }

    [Fact]
    public void Requesters_are_limited_apart()
    {
        var limiter = PexRequestLimiter.Empty(PexOptions.Default);
        for (var i = 0; i < 2; i++)
        {
            (_, limiter) = limiter.TryAdmit("a", T0);
        }

        limiter.TryAdmit("a", T0).Allowed.Should().BeFalse();
        limiter.TryAdmit("b", T0).Allowed.Should().BeTrue();
    }

    [Fact]
    public void A_flood_of_requesters_keeps_the_table_at_its_cap_forgetting_the_least_recent()
    {
        var limiter = PexRequestLimiter.Empty(PexOptions.Default);
        for (var i = 0; i < 5_000; i++)
        {
            (_, limiter) = limiter.TryAdmit("r" + i, T0.AddMilliseconds(i));
        }

        limiter.Count.Should().Be(1024);
        (_, limiter) = limiter.TryAdmit("r4999", T0.AddSeconds(5));
        limiter.TryAdmit("r4999", T0.AddSeconds(5)).Allowed.Should().BeFalse("r4999 is remembered and spent its burst");
    }

    [Fact]
    public void Invalid_options_are_refused_naming_each_setting()
    {
        FluentActions.Invoking(() => PexRequestLimiter.Empty(PexOptions.Default with { MaxEntries = 65, RequestBurst = 0 }))
            .Should().Throw<ArgumentException>().WithMessage("*MaxEntries*RequestBurst*");
    }
}
