using MeshActors.Randomness;

namespace MeshActors.Discovery.Coordination;

/// <summary>When a coordinator runs its provider next. Pure.</summary>
internal static class Backoff
{
    /// <summary>The wait after <paramref name="consecutiveFailures"/> (1 or more) failures in a
    /// row: <paramref name="min"/> doubled per further failure, capped at <paramref name="max"/>,
    /// with "equal jitter" (a uniformly random point in the upper half, so nodes that failed
    /// together spread out), never below <paramref name="min"/>.</summary>
    public static TimeSpan AfterFailure(int consecutiveFailures, TimeSpan min, TimeSpan max, IRandomSource random)
    {
        var doublings = Math.Clamp(consecutiveFailures - 1, 0, 40);
        var ceiling = Math.Min(min.Ticks * Math.Pow(2, doublings), max.Ticks);
        var jittered = (ceiling / 2) + (random.NextDouble() * ceiling / 2);
        return TimeSpan.FromTicks((long)Math.Max(jittered, Math.Min(min.Ticks, max.Ticks)));
    }

    /// <summary>The wait after a success: the answer's own validity (a DNS TTL) when it has one,
    /// kept between <paramref name="minRefresh"/> and <paramref name="refresh"/>; else
    /// <paramref name="refresh"/>.</summary>
    public static TimeSpan AfterSuccess(TimeSpan? validFor, TimeSpan refresh, TimeSpan minRefresh) =>
        validFor is { } valid ? TimeSpan.FromTicks(Math.Clamp(valid.Ticks, Math.Min(minRefresh.Ticks, refresh.Ticks), refresh.Ticks)) : refresh;
}
