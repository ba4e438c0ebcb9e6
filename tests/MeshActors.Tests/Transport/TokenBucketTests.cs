using MeshActors.Transport;

namespace MeshActors.Tests.Transport;

public sealed class TokenBucketTests
{
    private const long Frequency = 1000;

    [Fact]
    public void A_full_bucket_allows_a_burst_then_refills_at_the_rate()
    {
        var bucket = new TokenBucket(ratePerSecond: 10, burst: 3, nowTimestamp: 0);

        Enumerable.Range(0, 4).Select(_ => bucket.TryTake(0, Frequency)).Should().Equal(true, true, true, false);
        bucket.TryTake(99, Frequency).Should().BeFalse("0.99 of a token after 99 ms");
        bucket.TryTake(100, Frequency).Should().BeTrue("one token after 100 ms at 10/s");
        bucket.TryTake(100, Frequency).Should().BeFalse();
    }

    [Fact]
    public void Refill_never_exceeds_the_burst()
    {
        var bucket = new TokenBucket(ratePerSecond: 1000, burst: 2, nowTimestamp: 0);
        bucket.TryTake(0, Frequency);
        bucket.TryTake(0, Frequency);

        Enumerable.Range(0, 3).Select(_ => bucket.TryTake(60_000, Frequency)).Should().Equal(true, true, false);
    }

    [Fact]
    public void A_clock_that_goes_backwards_does_not_mint_tokens()
    {
        var bucket = new TokenBucket(ratePerSecond: 10, burst: 1, nowTimestamp: 5_000);
        bucket.TryTake(5_000, Frequency).Should().BeTrue();
        bucket.TryTake(0, Frequency).Should().BeFalse();
    }
}
