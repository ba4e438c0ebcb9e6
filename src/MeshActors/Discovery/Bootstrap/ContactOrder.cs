using MeshActors.Randomness;
using MeshActors.Discovery;

namespace MeshActors.Discovery.Bootstrap;

/// <summary>The bootstrap's dialling order: tiers in order (static → DNS → mDNS → platform →
/// cache), within a tier lower SRV priorities first, and within a priority a weighted shuffle
/// (RFC 2782: heavier targets tend to come first; weight 0 only after the weighted ones).
/// One contact point per address: the one from the lowest tier wins.</summary>
internal static class ContactOrder
{
    public static List<(ContactPoint Point, DiscoveryTier Tier)> Merge(IEnumerable<(ContactPoint Point, DiscoveryTier Tier)> found, IRandomSource random)
    {
        var byAddress = new Dictionary<NodeAddress, (ContactPoint Point, DiscoveryTier Tier)>();
        foreach (var entry in found.OrderBy(e => e.Tier))
        {
            byAddress.TryAdd(entry.Point.Address, entry);
        }

        // Efraimidis-Spirakis: sorting by -ln(U)/w draws without replacement with probability
        // proportional to the weight. Weight 0 sorts after every weighted entry, in random order.
        return byAddress.Values
            .Select(e => (Entry: e, Key: Key(e.Point.Weight, random)))
            .OrderBy(e => e.Entry.Tier)
            .ThenBy(e => e.Entry.Point.Priority)
            .ThenBy(e => e.Key.Unweighted)
            .ThenBy(e => e.Key.Value)
            .Select(e => e.Entry)
            .ToList();
    }

    private static (bool Unweighted, double Value) Key(int weight, IRandomSource random)
    {
        var u = 1.0 - random.NextDouble();
        return weight > 0 ? (false, -Math.Log(u) / weight) : (true, u);
    }
}
