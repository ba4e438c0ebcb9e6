namespace MeshActors.Discovery.Coordination;

/// <summary>
/// One contact point of the merged dialling order, with the tier it came from. The contact point
/// keeps its provider, source text (the record that gave it), host name, node id and fingerprint,
/// so <c>meshctl discovery explain</c> can say where an address came from.
/// </summary>
/// <param name="Point">The contact point, as its provider found it.</param>
/// <param name="Tier">The tier of the provider that found it (the lowest, when several did).</param>
public sealed record MergedContact(ContactPoint Point, DiscoveryTier Tier)
{
    /// <summary>The address: <see cref="ContactPoint.Address"/>.</summary>
    public NodeAddress Address => Point.Address;

    /// <summary>The provider's name: <see cref="ContactPoint.Provider"/>.</summary>
    public string Provider => Point.Provider;
}
