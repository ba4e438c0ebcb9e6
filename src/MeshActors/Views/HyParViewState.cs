using System.Collections.Immutable;

namespace MeshActors.Views;

/// <summary>
/// One node's HyParView state. Invariants (kept by every handler in <see cref="HyParView"/>):
/// <see cref="Active"/>, <see cref="Passive"/> and <see cref="Pending"/> are pairwise disjoint,
/// none holds <see cref="Self"/>, and each stays within its capacity.
/// </summary>
/// <typeparam name="TPeer">A peer's identity.</typeparam>
/// <param name="Self">This node.</param>
/// <param name="Active">The neighbours messages are sent to: a small, symmetric view.</param>
/// <param name="Passive">Known peers kept as replacements for failed neighbours, refreshed by shuffles.</param>
/// <param name="Pending">Passive peers asked to become neighbours that have not answered yet.</param>
/// <param name="LastShuffle">The sample of this node's last shuffle, the first entries evicted when its reply arrives.</param>
/// <param name="Options">The sizes and walk lengths.</param>
public sealed record HyParViewState<TPeer>(
    TPeer Self,
    PeerSet<TPeer> Active,
    PeerSet<TPeer> Passive,
    PeerSet<TPeer> Pending,
    ImmutableArray<TPeer> LastShuffle,
    HyParViewOptions Options)
    where TPeer : notnull, IEquatable<TPeer>
{
    /// <summary>A node that knows no one yet.</summary>
    public static HyParViewState<TPeer> Create(TPeer self, HyParViewOptions options) =>
        new(self, PeerSet<TPeer>.Empty(options.ActiveHigh), PeerSet<TPeer>.Empty(options.PassiveSize), PeerSet<TPeer>.Empty(options.ActiveHigh), [], options);

    /// <summary>Whether <paramref name="peer"/> is in any view of this node (or is this node).</summary>
    public bool Knows(TPeer peer) => Self.Equals(peer) || Active.Contains(peer) || Passive.Contains(peer) || Pending.Contains(peer);
}
