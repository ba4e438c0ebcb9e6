using System.Collections.Immutable;
using MeshActors.Security;
using MeshActors.Views.Overlay;
using MeshActors.Views.Wire;

namespace MeshActors.Views.Pex;

/// <summary>
/// Validates a received <see cref="PexResponse"/> before its peers are dialled (refusal reasons in
/// this folder's README): a response with more entries than the cap is refused whole
/// (<c>oversized</c>); otherwise each entry with a bad node id (<c>bad-node-id</c>), an address that
/// is not an Akka address (<c>bad-address</c>) or is one of another cluster (<c>foreign-cluster</c>),
/// naming this node (<c>self</c>) or repeating an earlier entry's node id (<c>duplicate</c>) is dropped
/// and counted. An accepted entry is only a hint: the peer must still pass mutual TLS when dialled.
/// </summary>
public static class PexIntake
{
    /// <summary>The response carried more entries than the cap.</summary>
    public const string ReasonOversized = "oversized";

    /// <summary>The entry's node id breaks <see cref="MeshIdentity.IdRule"/>.</summary>
    public const string ReasonBadNodeId = "bad-node-id";

    /// <summary>The entry's address is not <c>akka.tcp://</c> or <c>akka.ssl.tcp://system@host:port</c>.</summary>
    public const string ReasonBadAddress = "bad-address";

    /// <summary>The entry's address names another ActorSystem than this cluster's.</summary>
    public const string ReasonForeignCluster = "foreign-cluster";

    /// <summary>The entry names this node (by node id or address).</summary>
    public const string ReasonSelf = "self";

    /// <summary>An earlier entry had the same node id.</summary>
    public const string ReasonDuplicate = "duplicate";

    /// <summary>The peers of <paramref name="response"/> this node may dial.</summary>
    /// <param name="response">The received response.</param>
    /// <param name="cap">The most entries accepted (<see cref="PexOptions.MaxEntries"/>, or the max this node asked for).</param>
    /// <param name="self">This node.</param>
    /// <param name="clusterId">This cluster's id, the ActorSystem name every address must carry.</param>
    public static PexIntakeResult Accept(PexResponse response, int cap, OverlayPeer self, string clusterId)
    {
        ArgumentNullException.ThrowIfNull(response);
        var entries = response.Peers.IsDefault ? [] : response.Peers;
        if (entries.Length > cap)
        {
            return new([], ImmutableDictionary<string, int>.Empty.Add(ReasonOversized, entries.Length));
        }

        var accepted = ImmutableArray.CreateBuilder<PexEntry>(entries.Length);
        var dropped = ImmutableDictionary.CreateBuilder<string, int>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var reason = Problem(entry, self, clusterId, seen);
            if (reason is null)
            {
                accepted.Add(entry);
            }
            else
            {
                dropped[reason] = dropped.GetValueOrDefault(reason) + 1;
            }
        }

        return new(accepted.ToImmutable(), dropped.ToImmutable());
    }

    private static string? Problem(PexEntry entry, OverlayPeer self, string clusterId, HashSet<string> seen)
    {
        if (!MeshIdentity.IsValidId(entry.NodeId))
        {
            return ReasonBadNodeId;
        }

        if (!PeerAddress.IsOfCluster(entry.Address, clusterId, out _))
        {
            return PeerAddress.IsOfCluster(entry.Address, ForeignSystem(entry.Address), out _) ? ReasonForeignCluster : ReasonBadAddress;
        }

        if (entry.NodeId == self.NodeId || entry.Address == self.Address)
        {
            return ReasonSelf;
        }

        return seen.Add(entry.NodeId) ? null : ReasonDuplicate;
    }

    /// <summary>The system name between <c>://</c> and <c>@</c>, to tell a foreign cluster's address from garbage.</summary>
    private static string ForeignSystem(string? address)
    {
        var start = address?.IndexOf("://", StringComparison.Ordinal) ?? -1;
        var at = start < 0 ? -1 : address!.IndexOf('@', start);
        return at > start + 3 ? address![(start + 3)..at] : string.Empty;
    }
}
