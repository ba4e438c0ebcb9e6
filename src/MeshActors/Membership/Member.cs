using MeshActors.Transport;

namespace MeshActors.Membership;

/// <summary>One member as this node sees it. Immutable: every change makes a new record, so
/// snapshots can share records and hand them to any thread.</summary>
/// <param name="NodeId">The member's node id.</param>
/// <param name="Address">Where it accepts connections.</param>
/// <param name="Status">Alive, suspect, dead or left.</param>
/// <param name="Incarnation">Raised only by the member itself: to refute a suspicion, to change
/// its metadata, or to come back after a restart.</param>
/// <param name="Metadata">What the member says about itself, as of <paramref name="Incarnation"/>.</param>
/// <param name="LastChange">When this node last saw the status, incarnation or metadata change.</param>
public sealed record Member(
    string NodeId,
    NodeAddress Address,
    MemberStatus Status,
    ulong Incarnation,
    MemberMetadata Metadata,
    DateTimeOffset LastChange)
{
    /// <summary>The claim this record makes.</summary>
    public MemberClaim Claim => new(Status, Incarnation);

    /// <summary>Alive or suspect: still counted as part of the cluster.</summary>
    public bool IsLive => Status is MemberStatus.Alive or MemberStatus.Suspect;
}
