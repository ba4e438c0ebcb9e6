using MeshActors.Discovery.Coordination;
using MeshActors.Randomness;

namespace MeshActors.Tests.Discovery.Coordination;

public sealed class BackoffTests
{
    [Theory]
    [InlineData(1, 500, 1000)]
    [InlineData(2, 1000, 2000)]
    [InlineData(3, 2000, 4000)]
    [InlineData(4, 4000, 8000)]
    [InlineData(5, 4000, 8000)]
    [InlineData(60, 4000, 8000)]
    public void After_failures_the_wait_doubles_with_jitter_in_its_upper_half_up_to_the_cap(int failures, int lowMs, int highMs)
    {
        var seen = new HashSet<TimeSpan>();
        for (ulong seed = 0; seed < 100; seed++)
        {
            var wait = Backoff.AfterFailure(failures, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(8), new SeededRandomSource(seed));
            wait.Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(Math.Max(lowMs, 1000))).And.BeLessThanOrEqualTo(TimeSpan.FromMilliseconds(highMs));
            seen.Add(wait);
        }

        if (failures > 1)
        {
            seen.Count.Should().BeGreaterThan(50, "jitter spreads nodes that failed together");
        }
    }

    [Theory]
    [InlineData(null, 30, 30)]
    [InlineData(0, 30, 2)]
    [InlineData(10, 30, 10)]
    [InlineData(300, 30, 30)]
    [InlineData(0, 1, 1)]
    public void After_a_success_the_validity_is_kept_between_min_refresh_and_refresh(int? validSeconds, int refreshSeconds, int expectedSeconds) =>
        Backoff.AfterSuccess(validSeconds is { } v ? TimeSpan.FromSeconds(v) : null, TimeSpan.FromSeconds(refreshSeconds), TimeSpan.FromSeconds(2))
            .Should().Be(TimeSpan.FromSeconds(expectedSeconds));
}
