using MeshActors.Discovery.Bootstrap;
using MeshActors.Randomness;

namespace MeshActors.Discovery.Coordination;

/// <summary>The providers' latest results as one dialling order. Pure.</summary>
internal static class ContactMerge
{
    /// <summary>Merges every tier with <see cref="ContactOrder.Merge"/> (tiers in order,
    /// de-duplicated by address with the lowest tier winning, shuffled within a tier by SRV
    /// priority and weight). The fallback tier counts only when every other tier is empty.</summary>
    public static IReadOnlyList<MergedContact> Merge(IEnumerable<(DiscoveryTier Tier, IReadOnlyList<ContactPoint> Points)> latest, IRandomSource random)
    {
        var found = latest.SelectMany(l => l.Points.Select(p => (Point: p, l.Tier))).ToList();
        var withoutFallback = found.Where(f => f.Tier != DiscoveryTier.Fallback).ToList();
        return ContactOrder.Merge(withoutFallback.Count > 0 ? withoutFallback : found, random)
            .Select(e => new MergedContact(e.Point, e.Tier))
            .ToList();
    }
}
