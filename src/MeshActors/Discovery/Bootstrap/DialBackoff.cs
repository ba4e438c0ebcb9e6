namespace MeshActors.Discovery.Bootstrap;

/// <summary>Per-address exponential backoff: after the n-th consecutive failure wait
/// min × 2^(n−1), at most max, spread by ±20 % so a fleet does not re-dial in lock-step.</summary>
internal static class DialBackoff
{
    public static TimeSpan Delay(int failures, TimeSpan min, TimeSpan max, double random)
    {
        if (failures <= 0)
        {
            return TimeSpan.Zero;
        }

        var doublings = Math.Min(failures - 1, 30);
        var ticks = Math.Min(max.Ticks, min.Ticks * Math.Pow(2, doublings));
        var spread = ticks * (0.8 + (0.4 * random));
        return TimeSpan.FromTicks((long)Math.Min(max.Ticks, spread));
    }
}
