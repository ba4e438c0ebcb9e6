using Akka.Actor;
using MeshActors.Hosting;

namespace MeshActors.Membership;

/// <summary>
/// The cluster as this node sees it, for embedders and the control plane: a snapshot that is
/// always current, a stream of changes, and run-time label updates. Fed by the membership actor
/// (<c>/user/mesh/membership</c>), which maps Akka.Cluster's events and the replicated metadata.
/// </summary>
public sealed class ClusterMembership
{
    private readonly ChangeFeed<MembershipSnapshot, MemberEvent> _feed;
    private IActorRef _actor = ActorRefs.Nobody;

    internal ClusterMembership(string self) => _feed = new(new MembershipSnapshot(self, [], 0));

    /// <summary>The member list now.</summary>
    public MembershipSnapshot Snapshot => _feed.Snapshot;

    /// <summary>Whether this node is Up (or WeaklyUp) in the cluster.</summary>
    public bool IsSelfUp => Snapshot.SelfMember?.Status is "up" or "weaklyup";

    /// <summary>
    /// The changes from the moment of this call on (the subscription is made here, not at the
    /// first <c>MoveNextAsync</c>), in the order this node applied them. Read
    /// <see cref="Snapshot"/> first for the starting state. A watcher that falls 10,000 events
    /// behind loses the oldest; enumerate what you ask for, as the subscription ends only when
    /// the enumeration does (or the node stops).
    /// </summary>
    public IAsyncEnumerable<MemberEvent> WatchAsync(CancellationToken cancellationToken = default) => _feed.WatchAsync(cancellationToken);

    /// <summary>Replaces this node's labels and replicates them to every member.</summary>
    /// <returns>True when every member acknowledged within <c>meshactors.membership.metadata-write-timeout</c>;
    /// false when some did not yet (they still get the labels through DistributedData gossip).</returns>
    public Task<bool> UpdateLabelsAsync(IReadOnlyDictionary<string, string> labels, TimeSpan timeout) =>
        _actor.Ask<bool>(new MembershipActor.UpdateLabels(labels), timeout);

    internal void Attach(IActorRef actor) => _actor = actor;

    /// <summary>Names this node's address once the ActorSystem knows it (a port of 0 is only known then).</summary>
    internal void SetSelf(string self) => _feed.Update(s => (s with { Self = self }, []));

    internal void Publish(MembershipSnapshot snapshot, IReadOnlyList<MemberEvent> events) => _feed.Publish(snapshot, events);

    internal void Complete() => _feed.Complete();
}
