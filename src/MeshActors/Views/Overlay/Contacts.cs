namespace MeshActors.Views.Overlay;

/// <summary>
/// Whom a node with no neighbour joins through. First the contact points discovery found (every
/// provider, the peer cache and manual introductions feed them) that answered the bootstrap probe
/// with their Akka address; then members of the Akka cluster this node joined. Banned peers and
/// peers that failed a moment ago are skipped; the choice among the rest is random, so nodes that
/// start together do not all join through the same one. A node below <c>active-low</c> with an empty
/// passive view (its component of the overlay has nobody left to offer) takes replacements from the
/// same sources, so two groups that formed apart find each other.
/// </summary>
internal static class Contacts
{
    public static OverlayPeer? Pick(ViewManagerSettings s, PeerLinks links, DateTimeOffset now) =>
        Sample(s, links, now, 1).FirstOrDefault() is { NodeId: not null } peer ? peer : null;

    /// <summary>Up to <paramref name="count"/> distinct contacts, at random from the first tier that has any.</summary>
    public static IReadOnlyList<OverlayPeer> Sample(ViewManagerSettings s, PeerLinks links, DateTimeOffset now, int count)
    {
        var self = s.Self;
        var discovered = s.Bootstrap.Current.ContactPoints.Values
            .Where(c => c.SelfNode is not null && c.NodeId is not null)
            .Select(c => new OverlayPeer(c.NodeId!, c.SelfNode!));
        var members = s.Membership.Snapshot.Members
            .Where(m => m.Reachable && m.Status is "up" or "weaklyup" && m.NodeId.Length > 0)
            .Select(m => new OverlayPeer(m.NodeId, m.Address));
        foreach (var tier in new[] { discovered, members })
        {
            var candidates = tier.Where(p => p.Address != self.Address && PeerNames.IsValid(p, s.ClusterId) && !links.IsBanned(p.NodeId, now)).Distinct().ToArray();
            if (candidates.Length > 0)
            {
                for (var i = 0; i < Math.Min(count, candidates.Length); i++)
                {
                    var j = i + s.Random.Next(candidates.Length - i);
                    (candidates[i], candidates[j]) = (candidates[j], candidates[i]);
                }

                return candidates[..Math.Min(count, candidates.Length)];
            }
        }

        return [];
    }
}
