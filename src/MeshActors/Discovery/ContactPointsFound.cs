namespace MeshActors.Discovery;

/// <summary>A provider's run finished: its contact points, or null when the run failed (the
/// bootstrap keeps the provider's previous ones, and counts the first run as done).</summary>
internal sealed record ContactPointsFound(string Provider, DiscoveryTier Tier, IReadOnlyList<ContactPoint>? ContactPoints);
