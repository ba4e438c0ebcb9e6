namespace MeshActors.Discovery;

/// <summary>One run of a provider: the contact points it found and how long they stay valid.</summary>
/// <param name="ContactPoints">What was found, de-duplicated by address; empty when nothing was found (not an error).</param>
/// <param name="ValidFor">How long the answer may be reused (a DNS TTL); null to use the
/// provider's configured refresh interval. The coordinator clamps it to the provider's
/// <c>min-refresh-interval</c> and <c>refresh-interval</c>.</param>
public sealed record DiscoveryResult(IReadOnlyList<ContactPoint> ContactPoints, TimeSpan? ValidFor = null)
{
    /// <summary>A run that found nothing.</summary>
    public static DiscoveryResult Empty { get; } = new([]);
}
