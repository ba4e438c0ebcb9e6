using MeshActors.Discovery.Mdns;

namespace MeshActors.Tests.Discovery.Mdns;

/// <summary>Table tests of the inbound rate limit and its once-per-interval report.</summary>
public sealed class MdnsInboundLimiterTests
{
    private const long Hz = 1000;

    [Theory]
    [InlineData(10, 10, 0, 10, 0)]
    [InlineData(10, 25, 0, 10, 15)]
    [InlineData(10, 25, 1000, 19, 6)]
    public void Accepts_up_to_the_rate_and_counts_the_rest(int rate, int packets, long spreadMs, int accepted, long dropped)
    {
        var limiter = new MdnsInboundLimiter(rate, TimeSpan.FromSeconds(10), 0, Hz);

        var taken = Enumerable.Range(0, packets).Count(i => limiter.TryAccept(spreadMs * i / packets));

        taken.Should().Be(accepted);
        limiter.Dropped.Should().Be(dropped);
    }

    [Fact]
    public void Drops_are_reported_at_most_once_per_interval()
    {
        var limiter = new MdnsInboundLimiter(1, TimeSpan.FromSeconds(10), 0, Hz);
        limiter.TryAccept(0);
        limiter.TryAccept(0).Should().BeFalse();

        limiter.TakeReport(5_000).Should().Be(0, "the interval has not passed");
        limiter.TakeReport(10_000).Should().Be(1);
        limiter.TakeReport(30_000).Should().Be(0, "nothing was dropped since");
    }
}
