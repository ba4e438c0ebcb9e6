namespace MeshActors.Discovery;

/// <summary>An enabled provider, its tier in the bootstrap's merge order, and its schedule.</summary>
/// <param name="Provider">The provider.</param>
/// <param name="Tier">Its place in the merge order: lower tiers are dialled first.</param>
/// <param name="RefreshInterval">How often it runs again after a success.</param>
internal sealed record ProviderRegistration(IDiscoveryProvider Provider, DiscoveryTier Tier, TimeSpan RefreshInterval);
