namespace MeshActors.Discovery.PeerCache;

/// <summary>How much a cached peer is worth dialling: recent sightings count most, a history of
/// successes a little (logarithmically, so an old regular cannot outrank a fresh one forever),
/// and each failure since the last sighting counts against it.</summary>
public static class PeerScore
{
    /// <summary>10 × recency (1 just seen, 0 at <paramref name="forgetAfter"/>) + log2(1 + successes) − 2 × failures.</summary>
    public static double Of(int successes, int failures, TimeSpan age, TimeSpan forgetAfter)
    {
        var recency = forgetAfter <= TimeSpan.Zero ? 0 : Math.Clamp(1 - (age / forgetAfter), 0, 1);
        return (10 * recency) + Math.Log2(1 + Math.Max(0, successes)) - (2 * Math.Max(0, failures));
    }
}
