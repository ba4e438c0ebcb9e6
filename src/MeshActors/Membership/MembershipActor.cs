using Akka.Actor;
using Akka.Cluster;
using Akka.DistributedData;
using MeshActors.Diagnostics;
using Microsoft.Extensions.Logging;
using static Akka.Cluster.ClusterEvent;

namespace MeshActors.Membership;

/// <summary>
/// Keeps <see cref="ClusterMembership"/> current: subscribes to Akka.Cluster's member and
/// reachability events, replicates this node's metadata in an Akka.DistributedData
/// <c>LWWDictionary</c> (one entry per incarnation, keyed by unique address), and turns both into
/// <see cref="MemberEvent"/>s. The state itself lives in <see cref="MembershipState"/>.
/// </summary>
internal sealed class MembershipActor : ReceiveActor
{
    /// <summary>The replicated metadata, keyed by <c>address#uid</c>.</summary>
    public static readonly LWWDictionaryKey<string, string> MetadataKey = new("meshactors-metadata");

    private readonly Cluster _cluster = Cluster.Get(Context.System);
    private readonly IActorRef _replicator = DistributedData.Get(Context.System).Replicator;
    private readonly ClusterMembership _membership;
    private readonly NodeMetrics _metrics;
    private readonly ILogger _log;
    private readonly TimeSpan _writeTimeout;
    private readonly TimeProvider _time;
    private MembershipState _state;
    private MemberMetadata _own;

    public MembershipActor(ClusterMembership membership, MemberMetadata own, TimeSpan writeTimeout, NodeMetrics metrics, ILogger log, TimeProvider time)
    {
        (_membership, _own, _writeTimeout, _metrics, _log, _time) = (membership, own, writeTimeout, metrics, log, time);
        _state = MembershipState.Empty(_cluster.SelfAddress.ToString());
        Receive<IMemberEvent>(OnMemberEvent);
        Receive<IReachabilityEvent>(OnReachability);
        Receive<CurrentClusterState>(_ => { });
        Receive<Changed>(c => c.Key.Equals(MetadataKey), c => OnMetadata(c.Get(MetadataKey)));
        Receive<UpdateLabels>(OnUpdateLabels);
        Receive<UpdateSuccess>(s => (s.Request as IActorRef)?.Tell(true));
        Receive<UpdateTimeout>(t =>
        {
            MeshLog.MetadataWritePartial(_log, _writeTimeout, "not every member acknowledged");
            (t.Request as IActorRef)?.Tell(false);
        });
        Receive<IUpdateFailure>(f => (f.Request as IActorRef)?.Tell(false));
    }

    /// <summary>Replace this node's labels; answers true when every member acknowledged in time.</summary>
    public sealed record UpdateLabels(IReadOnlyDictionary<string, string> Labels);

    private string SelfKey => MembershipState.Key(_cluster.SelfUniqueAddress);

    protected override void PreStart()
    {
        _cluster.Subscribe(Self, InitialStateAsEvents, typeof(IMemberEvent), typeof(IReachabilityEvent));
        _replicator.Tell(Dsl.Subscribe(MetadataKey, Self));
        WriteOwn(WriteLocal.Instance, replyTo: null);
        Apply(_state.WithMetadata(SelfKey, _own, _time.GetUtcNow()));
    }

    protected override void PostStop()
    {
        _cluster.Unsubscribe(Self);
        _membership.Complete();
    }

    private void OnMemberEvent(IMemberEvent e)
    {
        var kind = e switch
        {
            MemberJoined => MemberEventKind.Joined,
            MemberUp or MemberWeaklyUp => MemberEventKind.Up,
            MemberLeft => MemberEventKind.Leaving,
            MemberExited => MemberEventKind.Exited,
            MemberDowned => MemberEventKind.Downed,
            MemberRemoved => MemberEventKind.Removed,
            _ => (MemberEventKind?)null,
        };
        if (kind is { } k)
        {
            Apply(_state.WithMember(MembershipState.MemberFacts.From(e.Member), k, _time.GetUtcNow()));
        }

        if (e is MemberRemoved removed && removed.Member.UniqueAddress != _cluster.SelfUniqueAddress)
        {
            var key = MembershipState.Key(removed.Member.UniqueAddress);
            _replicator.Tell(Dsl.Update(MetadataKey, LWWDictionary<string, string>.Empty, WriteLocal.Instance, d => d.Remove(_cluster, key)));
        }
    }

    private void OnReachability(IReachabilityEvent e)
    {
        switch (e)
        {
            case UnreachableMember u:
                Apply(_state.WithReachability(u.Member.Address.ToString(), reachable: false, _time.GetUtcNow()));
                break;
            case ReachableMember r:
                Apply(_state.WithReachability(r.Member.Address.ToString(), reachable: true, _time.GetUtcNow()));
                break;
        }
    }

    private void OnMetadata(LWWDictionary<string, string> replicated)
    {
        var state = _state;
        foreach (var (key, json) in replicated.Entries)
        {
            if (MemberMetadata.FromJson(json) is { } metadata)
            {
                state = state.WithMetadata(key, metadata, _time.GetUtcNow());
            }
        }

        Apply(state);
    }

    private void OnUpdateLabels(UpdateLabels update)
    {
        _own = _own with { Labels = new SortedDictionary<string, string>(update.Labels.ToDictionary(), StringComparer.Ordinal) };
        Apply(_state.WithMetadata(SelfKey, _own, _time.GetUtcNow()));
        WriteOwn(new WriteAll(_writeTimeout), Sender);
    }

    private void WriteOwn(IWriteConsistency consistency, IActorRef? replyTo)
    {
        var json = _own.ToJson();
        _replicator.Tell(Dsl.Update(MetadataKey, LWWDictionary<string, string>.Empty, consistency, replyTo, d => d.SetItem(_cluster, SelfKey, json)));
    }

    private void Apply(MembershipState next)
    {
        if (next.Pending.Count == 0 && ReferenceEquals(next, _state))
        {
            return;
        }

        _state = next.WithoutPending();
        foreach (var e in next.Pending)
        {
            _metrics.MemberEvents.WithLabels(e.Kind.ToString().ToLowerInvariant()).Inc();
            MeshLog.MemberChanged(_log, e.Member.Address, e.Member.NodeId.Length > 0 ? e.Member.NodeId : "?", e.Kind.ToString().ToLowerInvariant());
        }

        var snapshot = _state.ToSnapshot();
        foreach (var status in MembershipState.StatusNames)
        {
            _metrics.Members.WithLabels(status).Set(snapshot.Members.Count(m => m.Status == status));
        }

        _metrics.UnreachableMembers.Set(snapshot.Members.Count(m => !m.Reachable));
        _membership.Publish(snapshot, next.Pending);
    }
}
