using System.Collections.Immutable;
using MeshActors.Security;
using MeshActors.Views.Overlay;
using MeshActors.Views.Wire;

namespace MeshActors.Views.Pex;

/// <summary>
/// What a node answers to a <see cref="PexRequest"/>: at most min(the request's max, the cap) of its
/// proven peers, best score first, then most recently seen, then by node id (deterministic, so the
/// simulator repeats; a requester who asks again gets the same best peers, which is the point: they
/// are the ones this node vouches for). Never the requester, never this node, never a banned peer,
/// a peer not seen within <see cref="PexOptions.MaxEntryAge"/>, or one the wire could not carry.
/// </summary>
public static class PexPolicy
{
    /// <summary>The entries to answer <paramref name="requester"/> with.</summary>
    /// <param name="self">This node.</param>
    /// <param name="requester">The asking node.</param>
    /// <param name="requestedMax">The request's <see cref="PexRequest.Max"/>; 0 or less gets nothing.</param>
    /// <param name="candidates">The peers this node knows.</param>
    /// <param name="isBanned">Whether a node id is banned now (e.g. <c>id => book.IsBanned(id, now)</c>).</param>
    /// <param name="options">The cap and the age limit.</param>
    /// <param name="now">The current time.</param>
    public static ImmutableArray<PexEntry> Answer(
        OverlayPeer self, OverlayPeer requester, int requestedMax, IEnumerable<PexCandidate> candidates,
        Func<string, bool> isBanned, PexOptions options, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(isBanned);
        ArgumentNullException.ThrowIfNull(options);
        var count = Math.Min(Math.Max(0, requestedMax), options.MaxEntries);
        if (count == 0)
        {
            return [];
        }

        var oldest = now - options.MaxEntryAge;
        return [.. candidates
            .Where(c => c.Proven && c.NodeId != self.NodeId && c.NodeId != requester.NodeId && c.LastSeen >= oldest
                && double.IsFinite(c.Score) && MeshIdentity.IsValidId(c.NodeId) && PeerAddress.IsWireSafe(c.Address) && !isBanned(c.NodeId))
            .OrderByDescending(c => c.Score)
            .ThenByDescending(c => c.LastSeen)
            .ThenBy(c => c.NodeId, StringComparer.Ordinal)
            .DistinctBy(c => c.NodeId)
            .Take(count)
            .Select(c => new PexEntry(c.NodeId, c.Address, c.LastSeen.ToUnixTimeMilliseconds(), c.Score))];
    }
}
