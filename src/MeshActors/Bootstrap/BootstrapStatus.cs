using System.Collections.Immutable;

namespace MeshActors.Bootstrap;

/// <summary>How a node joins: what <c>/control/discovery</c> and <c>meshctl discovery</c> show.</summary>
public enum JoinMode
{
    /// <summary>Not decided yet (the node has not started).</summary>
    Pending,

    /// <summary>Akka's seed-node join through <c>akka.cluster.seed-nodes</c> (<c>meshactors.discovery.static.seeds</c>).</summary>
    SeedNodes,

    /// <summary>No contact-point source: the node formed a single-node cluster at once.</summary>
    SingleNode,

    /// <summary>Akka.Management's Cluster Bootstrap over the discovery method.</summary>
    ClusterBootstrap,
}

/// <summary>What the last probe of one contact point found.</summary>
/// <param name="Host">The contact point's host (the address discovery gave, or its name).</param>
/// <param name="Port">Its bootstrap port.</param>
/// <param name="HostName">The name discovery found it under (an SRV target), if any.</param>
/// <param name="ProbedAt">When the last probe ended; null before the first.</param>
/// <param name="SelfNode">The Akka address it answered with; null when it never answered.</param>
/// <param name="NodeId">Its MeshActors node id, when it answered.</param>
/// <param name="SeedNodes">The members of its cluster it reported (empty: not in a cluster).</param>
/// <param name="Error">Why the last probe failed; null when it succeeded.</param>
public sealed record ContactPointState(string Host, int Port, string? HostName, DateTimeOffset? ProbedAt, string? SelfNode, string? NodeId, ImmutableArray<string> SeedNodes, string? Error)
{
    /// <summary><c>host:port</c>.</summary>
    public string Endpoint => new MeshActors.Discovery.NodeAddress(Host, Port).ToString();
}

/// <summary>Why this node is in the cluster it is in: the outcome of Cluster Bootstrap (or of the
/// mode that replaced it), as logged once and shown by <c>meshctl discovery explain</c>.</summary>
/// <param name="Outcome"><c>formed</c> (this node joined itself and started the cluster),
/// <c>joined</c> (it joined seed nodes another node reported), <c>seed-nodes</c> or <c>single-node</c>.</param>
/// <param name="At">When it was decided.</param>
/// <param name="SelfNode">This node's Akka address (with this run's uid).</param>
/// <param name="SeedNodes">The seed nodes it joined (its own address when it formed the cluster).</param>
/// <param name="Via">The contact points whose answers led to the decision: those that reported
/// the seed nodes joined, or, when it formed the cluster, every contact point it heard from.</param>
/// <param name="Reason">The decision in a sentence.</param>
public sealed record JoinDecisionRecord(string Outcome, DateTimeOffset At, string SelfNode, ImmutableArray<string> SeedNodes, ImmutableArray<ContactPointState> Via, string Reason);

/// <summary>A node of another cluster with this cluster's id, found by the split check.</summary>
/// <param name="ContactPoint">The contact point that answered.</param>
/// <param name="SelfNode">The foreign node's Akka address.</param>
/// <param name="Members">The members of its cluster it reported.</param>
/// <param name="SeenAt">When it was last seen.</param>
public sealed record ForeignCluster(string ContactPoint, string SelfNode, ImmutableArray<string> Members, DateTimeOffset SeenAt);

/// <summary>
/// The bootstrap's state for one node, written by the bootstrap coordinator, its probes and the
/// split check, read by the control endpoint. Immutable snapshots behind one lock: a reader never
/// sees half an update.
/// </summary>
public sealed class BootstrapStatus
{
    private readonly Lock _gate = new();
    private Snapshot _current = new(JoinMode.Pending, "not started", null, ImmutableDictionary<string, ContactPointState>.Empty, null, null, null, ImmutableDictionary<string, ForeignCluster>.Empty, null);

    /// <summary>One consistent view.</summary>
    /// <param name="Mode">How the node joins.</param>
    /// <param name="Phase">Where Cluster Bootstrap is: <c>not started</c>, <c>looking up</c>, <c>probing</c>, <c>formed</c>, <c>joined</c>, or the mode's own word.</param>
    /// <param name="SelfContactPoint">This node's bootstrap endpoint, once listening.</param>
    /// <param name="ContactPoints">What each contact point answered, by <c>host:port</c>.</param>
    /// <param name="LastLookup">When discovery last answered, and how many contact points.</param>
    /// <param name="LastLookupError">The last discovery failure, if the last lookup failed.</param>
    /// <param name="Decision">The join decision, once made.</param>
    /// <param name="Foreign">Members of another cluster with this id, by contact point.</param>
    /// <param name="LastSplitCheck">When the split check last ran.</param>
    public sealed record Snapshot(
        JoinMode Mode,
        string Phase,
        Uri? SelfContactPoint,
        ImmutableDictionary<string, ContactPointState> ContactPoints,
        (DateTimeOffset At, int Count)? LastLookup,
        string? LastLookupError,
        JoinDecisionRecord? Decision,
        ImmutableDictionary<string, ForeignCluster> Foreign,
        DateTimeOffset? LastSplitCheck);

    /// <summary>The current view.</summary>
    public Snapshot Current
    {
        get
        {
            lock (_gate)
            {
                return _current;
            }
        }
    }

    internal void Update(Func<Snapshot, Snapshot> change)
    {
        lock (_gate)
        {
            _current = change(_current);
        }
    }

    internal void Probed(ContactPointState state) =>
        Update(s => s with { ContactPoints = s.ContactPoints.SetItem(state.Endpoint, state) });

    internal void Decided(JoinDecisionRecord decision) =>
        Update(s => s with { Decision = decision, Phase = decision.Outcome });
}
