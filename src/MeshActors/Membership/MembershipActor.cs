using Google.Protobuf;
using MeshActors.Actors;
using MeshActors.Diagnostics;
using MeshActors.Transport;
using MeshActors.Transport.Wire;

namespace MeshActors.Membership;

/// <summary>
/// One node's membership: SWIM probing with Lifeguard, gossip, push-pull and joining. It routes
/// each message to the pure parts — <see cref="MemberTable"/> for the rules, <see cref="Suspicion"/>,
/// <see cref="BroadcastQueue"/>, <see cref="ProbeOrder"/> and <see cref="SwimFormulas"/> — and
/// turns their answers into sends and timers. Every message is one-way, so a probe round is a
/// small state machine driven by its timers: ping, then indirect pings at the probe timeout, then
/// the verdict at the next probe tick.
/// </summary>
internal sealed partial class MembershipActor : Actor<MembershipActor.Protocol.Message>
{
    private const int MaxLeaveNotices = 128;
    private readonly MembershipActorOptions _options;
    private readonly MembershipSettings _settings;
    private readonly Dictionary<string, Suspicion> _suspicions = new(StringComparer.Ordinal);
    private readonly BroadcastQueue _broadcasts = new();
    private readonly List<MemberEvent> _pendingEvents = [];
    private MemberTable _table = null!;
    private ProbeOrder _order = null!;
    private ProbeRound? _probe;
    private State _state;
    private int _awareness;
    private ulong _sequence;
    private int _joinAttempts;
    private List<NodeAddress> _seeds = [];

    public MembershipActor(MembershipActorOptions options)
    {
        _options = options;
        _settings = options.Settings;
    }

    private enum State
    {
        Joining,
        Waiting,
        Up,
        Leaving,
    }

    private ITransport Transport => _options.Transport;

    private string SelfId => _table.Self.NodeId;

    private DateTimeOffset Now => Context.Time.GetUtcNow();

    protected override void PreStart()
    {
        _order = new ProbeOrder(Context.Random.Split());
        _table = new MemberTable(new Member(_options.NodeId, Transport.LocalAddress, MemberStatus.Alive, _options.InitialIncarnation, _options.Metadata, Now));
        _options.Stats.Members = _table;
        CountStatus(MemberStatus.Alive, +1);
        if (_options.WarmStart is { } warm)
        {
            _table.Seed(warm);
            _order.AddAll(_table.Members.Where(m => m.NodeId != SelfId).Select(m => m.NodeId));
        }
        else
        {
            Broadcast(MemberUpdate.Of(_table.Self, SelfId));
        }

        Context.Timers.StartSingle(ProbeTick.Instance, ProbeTick.Instance, Jitter(_settings.ProbeInterval));
        Context.Timers.StartPeriodic(GossipTick.Instance, GossipTick.Instance, _settings.GossipInterval, Jitter(_settings.GossipInterval));
        Context.Timers.StartSingle(PushPullTick.Instance, PushPullTick.Instance, Jitter(SwimFormulas.PushPullInterval(_settings.PushPullInterval, _table.LiveCount)));
        Context.Timers.StartPeriodic(GcTick.Instance, GcTick.Instance, GcInterval());
        _seeds = _options.Seeds.Where(s => s != Transport.LocalAddress).ToList();
        if (_options.AwaitBootstrap && _options.WarmStart is null)
        {
            _state = State.Waiting;
        }
        else if (_seeds.Count == 0 || _options.WarmStart is not null)
        {
            BecomeUp(null);
            if (_options.WarmStart is null)
            {
                MeshLog.SingleNodeCluster(Context.Log, SelfId, Transport.LocalAddress.ToString());
            }
        }
        else
        {
            StartJoining(_seeds);
        }

        FlushEvents();
    }

    private void StartJoining(IReadOnlyList<NodeAddress> seeds)
    {
        _seeds = seeds.Where(s => s != Transport.LocalAddress).ToList();
        _state = State.Joining;
        MeshLog.Joining(Context.Log, string.Join(", ", _seeds));
        Context.Timers.Cancel(JoinTick.Instance);
        Context.Self.Tell(JoinTick.Instance);
    }

    protected override void PostStop() => _options.Events.Complete();

    protected override void Handle(Protocol.Message message)
    {
        switch (message)
        {
            case Protocol.Inbound { Message: var inbound }:
                OnInbound(inbound);
                break;
            case ProbeTick:
                OnProbeTick();
                break;
            case ProbeTimeout timeout:
                OnProbeTimeout(timeout.Sequence);
                break;
            case RelayTimeout relay:
                OnRelayTimeout(relay.Sequence);
                break;
            case SuspicionTimeout suspicion:
                OnSuspicionTimeout(suspicion.NodeId, suspicion.Incarnation);
                break;
            case GossipTick:
                OnGossipTick();
                break;
            case PushPullTick:
                OnPushPullTick();
                break;
            case JoinTick:
                OnJoinTick();
                break;
            case GcTick:
                OnGcTick();
                break;
            case Protocol.GetSnapshot get:
                get.ReplyTo.Tell(_table.Snapshot());
                break;
            case Protocol.Subscribe subscribe:
                subscribe.ReplyTo.Tell(_options.Events.Subscribe(new MembershipUpdate(_table.Snapshot(), [])));
                break;
            case Protocol.Leave leave:
                OnLeave(leave);
                break;
            case JoinAnswered joined:
                OnPushPull(joined.Seed, joined.Reply, null);
                break;
            case LeaveAnswered answered:
                OnLeaveAnswered(answered.Acknowledged);
                break;
            case Protocol.Form when _state == State.Waiting:
                BecomeUp(null);
                MeshLog.FormedCluster(Context.Log, SelfId, Transport.LocalAddress.ToString());
                break;
            case Protocol.JoinThrough join when _state is State.Waiting or State.Joining && join.Seeds.Any(s => s != Transport.LocalAddress):
                StartJoining(join.Seeds);
                break;
            case Protocol.Introduce introduce:
                OnIntroduce(introduce);
                break;
            case Protocol.UpdateMetadata update:
                Refute(_table.Self.Incarnation + 1, update.Metadata);
                update.ReplyTo.Tell(_table.Self);
                break;
        }

        FlushEvents();
    }

    private void OnInbound(InboundMessage inbound)
    {
        if (inbound.Message is BootstrapQuery)
        {
            inbound.Reply?.Invoke(BootstrapAnswer());
            return;
        }

        if (_state == State.Waiting)
        {
            // In no cluster yet: answering would form one behind the bootstrap's back.
            return;
        }

        switch (inbound.Message)
        {
            case SwimPing ping:
                OnPing(inbound.From, ping);
                break;
            case SwimAck ack:
                OnAck(ack);
                break;
            case SwimIndirectPing indirect:
                OnIndirectPing(inbound.From, indirect);
                break;
            case SwimNack nack when _probe is { } probe && probe.Sequence == nack.Sequence:
                probe.Nacks++;
                break;
            case SwimGossip gossip:
                MergeAll(gossip.Updates);
                inbound.Reply?.Invoke(new SwimAck());
                break;
            case SwimPushPull pushPull:
                OnPushPull(inbound.From.Address, pushPull, inbound.Reply);
                break;
        }
    }

    /// <summary>Merges claims. From a full-state exchange, a death this node has not heard of is
    /// taken as a suspicion (as memberlist does): the other side may have declared it during a
    /// partition, and a suspicion gives a live member the time to refute.</summary>
    private void MergeAll(IEnumerable<MemberRecord> records, bool deadAsSuspect = false)
    {
        foreach (var record in records)
        {
            if (MemberWire.FromRecord(record) is { } update)
            {
                if (deadAsSuspect && update.Status == MemberStatus.Dead && update.NodeId != SelfId &&
                    _table.TryGet(update.NodeId, out var known) && known.IsLive)
                {
                    update = update with { Status = MemberStatus.Suspect };
                }

                Merge(update);
            }
        }
    }

    private void Merge(MemberUpdate update)
    {
        if (update.NodeId == SelfId)
        {
            if (_table.RefutationFor(update) is { } incarnation)
            {
                MeshLog.Refuting(Context.Log, update.Status, update.Incarnation, update.From, incarnation);
                if (update.Address != _table.Self.Address && update.Status == MemberStatus.Alive && update.Incarnation == _table.Self.Incarnation)
                {
                    MeshLog.NodeIdConflict(Context.Log, SelfId, update.Address.ToString());
                }

                if (update.Status == MemberStatus.Suspect)
                {
                    _awareness = Math.Min(_settings.AwarenessMaxMultiplier - 1, _awareness + 1);
                }

                Refute(incarnation, _table.Self.Metadata);
            }

            return;
        }

        var result = _table.Apply(update, Now);
        if (!result.Changed)
        {
            ConfirmSuspicion(update);
            return;
        }

        var member = result.Member!;
        if (result.Previous is null)
        {
            _order.Add(member.NodeId);
        }
        else
        {
            CountStatus(result.Previous.Status, -1);
        }

        CountStatus(member.Status, +1);
        if (member.Status == MemberStatus.Suspect)
        {
            StartSuspicion(member, update.From);
        }
        else if (_suspicions.Remove(member.NodeId))
        {
            Context.Timers.Cancel(SuspicionKey(member.NodeId));
            if (member.Status == MemberStatus.Alive)
            {
                MeshMetrics.Suspicions.Add(1, new KeyValuePair<string, object?>("event", "refuted"));
            }
        }

        Broadcast(MemberUpdate.Of(member, member.Status == MemberStatus.Alive ? member.NodeId : update.From));
        if (result.Event is { } kind)
        {
            Emit(kind, member);
        }
    }

    private void Refute(ulong incarnation, MemberMetadata metadata)
    {
        var self = _table.SetSelf(_state == State.Leaving ? MemberStatus.Left : MemberStatus.Alive, incarnation, metadata, Now);
        Broadcast(MemberUpdate.Of(self, SelfId));
    }

    /// <summary>Up to <paramref name="count"/> distinct random other members that <paramref name="eligible"/> accepts.</summary>
    private List<Member> RandomMembers(int count, Func<Member, bool> eligible)
    {
        var chosen = new List<Member>(count);
        var n = _order.Count;
        if (count <= 0 || n == 0)
        {
            return chosen;
        }

        if (n <= count * 4)
        {
            // Few members: draw from the eligible ones without repeats (a partial Fisher-Yates).
            var pool = new List<Member>(n);
            for (var i = 0; i < n; i++)
            {
                if (_table.TryGet(_order[i], out var member) && eligible(member))
                {
                    pool.Add(member);
                }
            }

            for (var i = 0; i < pool.Count && chosen.Count < count; i++)
            {
                var j = i + Context.Random.Next(pool.Count - i);
                (pool[i], pool[j]) = (pool[j], pool[i]);
                chosen.Add(pool[i]);
            }

            return chosen;
        }

        // Many members: sample at random, skipping the ineligible and repeats.

        for (var attempt = 0; attempt < count * 8 && chosen.Count < count; attempt++)
        {
            if (_table.TryGet(_order[Context.Random.Next(n)], out var member) && eligible(member) && !chosen.Contains(member))
            {
                chosen.Add(member);
            }
        }

        return chosen;
    }

    private TimeSpan Jitter(TimeSpan interval) => interval * Context.Random.NextDouble();

    private TimeSpan GcInterval() => Max(TimeSpan.FromMilliseconds(100), _settings.TombstoneTtl / 4);

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private sealed class LeaveProgress(int notified)
    {
        public int Notified { get; } = notified;

        public int Outstanding { get; set; } = notified;

        public int Acknowledged { get; set; }

        public bool Finished { get; set; }

        public List<IActorRef<int>> Waiting { get; } = [];
    }

    private sealed record Relay(NodeAddress Origin, ulong OriginSequence, bool WantNack);
}
