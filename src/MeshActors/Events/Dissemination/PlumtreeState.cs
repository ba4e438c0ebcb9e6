using System.Collections.Immutable;
using MeshActors.Views;

namespace MeshActors.Events.Dissemination;

/// <summary>
/// One node's Plumtree state. Invariants kept by <see cref="Plumtree"/>: <see cref="Eager"/> and
/// <see cref="Lazy"/> are disjoint, never hold <see cref="Self"/>, and together are the links the
/// driver reported up (HyParView's active view); a message id is never both received and missing.
/// </summary>
/// <typeparam name="TPeer">A peer's identity.</typeparam>
/// <param name="Self">This node.</param>
/// <param name="Eager">Neighbours that get payloads at once: the tree's edges.</param>
/// <param name="Lazy">Neighbours that get only IHAVE announcements.</param>
/// <param name="Received">Messages delivered, bounded.</param>
/// <param name="Missing">Messages announced but not received, with their timers.</param>
/// <param name="Options">Timers and bounds.</param>
public sealed record PlumtreeState<TPeer>(
    TPeer Self,
    PeerSet<TPeer> Eager,
    PeerSet<TPeer> Lazy,
    ReceivedCache Received,
    ImmutableDictionary<long, MissingMessage<TPeer>> Missing,
    PlumtreeOptions Options)
    where TPeer : notnull, IEquatable<TPeer>
{
    /// <summary>A node with no links and nothing received.</summary>
    public static PlumtreeState<TPeer> Create(TPeer self, PlumtreeOptions options) =>
        new(self, PeerSet<TPeer>.Empty(int.MaxValue), PeerSet<TPeer>.Empty(int.MaxValue), ReceivedCache.Empty(options.ReceivedCapacity), ImmutableDictionary<long, MissingMessage<TPeer>>.Empty, options);
}
