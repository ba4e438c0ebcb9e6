using System.Diagnostics;
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
    private readonly Dictionary<ulong, Relay> _relays = [];
    private readonly BroadcastQueue _broadcasts = new();
    private readonly List<MemberEvent> _pendingEvents = [];
    private MemberTable _table = null!;
    private ProbeOrder _order = null!;
    private ProbeRound? _probe;
    private LeaveProgress? _leave;
    private State _state;
    private int _awareness;
    private ulong _sequence;

    public MembershipActor(MembershipActorOptions options)
    {
        _options = options;
        _settings = options.Settings;
    }

    private enum State
    {
        Joining,
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
        var seeds = _options.Seeds.Where(s => s != Transport.LocalAddress).ToList();
        if (seeds.Count == 0 || _options.WarmStart is not null)
        {
            BecomeUp(null);
            if (_options.WarmStart is null)
            {
                MeshLog.SingleNodeCluster(Context.Log, SelfId, Transport.LocalAddress.ToString());
            }
        }
        else
        {
            _state = State.Joining;
            MeshLog.Joining(Context.Log, string.Join(", ", seeds));
            Context.Self.Tell(JoinTick.Instance);
        }

        FlushEvents();
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
            case LeaveAnswered answered:
                OnLeaveAnswered(answered.Acknowledged);
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
                OnPushPull(inbound.From, pushPull);
                break;
        }
    }

    private void OnPing(PeerIdentity from, SwimPing ping)
    {
        MergeAll(ping.Gossip);
        if (ping.TargetNodeId.Length > 0 && ping.TargetNodeId != SelfId)
        {
            return; // meant for a node that used to have this address
        }

        var ack = new SwimAck { Sequence = ping.Sequence };
        Piggyback(ack.Gossip, null);
        Send(from.Address, ack, "ack");
    }

    private void OnAck(SwimAck ack)
    {
        MergeAll(ack.Gossip);
        if (_probe is { Acked: false } probe && probe.Sequence == ack.Sequence)
        {
            probe.Acked = true;
            var direct = !probe.IndirectSent;
            MeshMetrics.Probes.Add(1, new KeyValuePair<string, object?>("outcome", direct ? "ack" : "indirect_ack"));
            if (direct)
            {
                MeshMetrics.ProbeRoundTrip.Record((Now - probe.Started).TotalSeconds);
            }
            else
            {
                _options.Stats.IndirectAcks++;
                MeshMetrics.IndirectProbes.Add(1, new KeyValuePair<string, object?>("outcome", "ack"));
            }

            _awareness = Math.Max(0, _awareness - 1);
        }
        else if (_relays.Remove(ack.Sequence, out var relay))
        {
            Context.Timers.Cancel(new RelayTimeout(ack.Sequence));
            Send(relay.Origin, new SwimAck { Sequence = relay.OriginSequence }, "ack");
        }
    }

    private void OnIndirectPing(PeerIdentity from, SwimIndirectPing request)
    {
        if (!NodeAddress.TryParse(request.TargetAddress, out var target, out _))
        {
            return;
        }

        var sequence = ++_sequence;
        _relays[sequence] = new Relay(from.Address, request.Sequence, request.WantNack);
        var ping = new SwimPing { Sequence = sequence, TargetNodeId = request.TargetNodeId };
        Piggyback(ping.Gossip, null);
        Send(target, ping, "ping");
        Context.Timers.StartSingle(new RelayTimeout(sequence), new RelayTimeout(sequence), _settings.ProbeTimeout);
    }

    private void OnRelayTimeout(ulong sequence)
    {
        if (_relays.Remove(sequence, out var relay) && relay.WantNack)
        {
            Send(relay.Origin, new SwimNack { Sequence = relay.OriginSequence }, "nack");
        }
    }

    private void OnProbeTick()
    {
        ConcludeProbe();
        Context.Timers.StartSingle(ProbeTick.Instance, ProbeTick.Instance, SwimFormulas.ScaleByHealth(_settings.ProbeInterval, _awareness, _settings.AwarenessMaxMultiplier - 1));
        if (_state == State.Leaving)
        {
            return;
        }

        var targetId = _order.Next(id => _table.TryGet(id, out var m) && m.IsLive);
        if (targetId is null || !_table.TryGet(targetId, out var target))
        {
            return;
        }

        var sequence = ++_sequence;
        _probe = new ProbeRound(sequence, target, Now);
        var ping = new SwimPing { Sequence = sequence, TargetNodeId = target.NodeId };
        if (target.Status == MemberStatus.Suspect)
        {
            // Lifeguard's buddy system: tell the suspect first, so it can refute at once.
            ping.Gossip.Add(MemberWire.ToRecord(MemberUpdate.Of(target, SelfId)));
        }

        Piggyback(ping.Gossip, target.Status == MemberStatus.Suspect ? target.NodeId : null);
        Send(target.Address, ping, "ping");
        Context.Timers.StartSingle(ProbeTimeout.Key, new ProbeTimeout(sequence), SwimFormulas.ScaleByHealth(_settings.ProbeTimeout, _awareness, _settings.AwarenessMaxMultiplier - 1));
    }

    private void OnProbeTimeout(ulong sequence)
    {
        if (_probe is not { Acked: false } probe || probe.Sequence != sequence)
        {
            return;
        }

        probe.IndirectSent = true;
        foreach (var helper in RandomMembers(_settings.IndirectChecks, m => m.Status == MemberStatus.Alive && m.NodeId != probe.Target.NodeId))
        {
            probe.ExpectedNacks++;
            Send(helper.Address, new SwimIndirectPing
            {
                Sequence = sequence,
                TargetNodeId = probe.Target.NodeId,
                TargetAddress = probe.Target.Address.ToString(),
                WantNack = true,
            }, "indirect_ping");
        }
    }

    /// <summary>Ends the probe round that started at the previous tick: an ack came, or the
    /// target becomes suspect and this node's own health score takes the missed nacks.</summary>
    private void ConcludeProbe()
    {
        if (_probe is not { } probe)
        {
            return;
        }

        _probe = null;
        if (probe.Acked)
        {
            return;
        }

        MeshMetrics.Probes.Add(1, new KeyValuePair<string, object?>("outcome", "failed"));
        if (probe.ExpectedNacks > 0)
        {
            MeshMetrics.IndirectProbes.Add(probe.Nacks, new KeyValuePair<string, object?>("outcome", "nack"));
            MeshMetrics.IndirectProbes.Add(probe.ExpectedNacks - probe.Nacks, new KeyValuePair<string, object?>("outcome", "no_answer"));
        }

        var missed = probe.ExpectedNacks > 0 ? probe.ExpectedNacks - probe.Nacks : 1;
        _awareness = Math.Min(_settings.AwarenessMaxMultiplier - 1, _awareness + missed);
        if (_table.TryGet(probe.Target.NodeId, out var current) && current.Incarnation == probe.Target.Incarnation && current.IsLive)
        {
            Merge(new MemberUpdate(current.NodeId, current.Address, MemberStatus.Suspect, current.Incarnation, null, SelfId));
        }
    }

    private void OnSuspicionTimeout(string nodeId, ulong incarnation)
    {
        if (!_suspicions.TryGetValue(nodeId, out var suspicion) || suspicion.Incarnation != incarnation)
        {
            return;
        }

        var remaining = suspicion.Deadline - Now;
        if (remaining > TimeSpan.Zero)
        {
            Context.Timers.StartSingle(SuspicionKey(nodeId), new SuspicionTimeout(nodeId, incarnation), remaining);
            return;
        }

        if (_table.TryGet(nodeId, out var member) && member.Status == MemberStatus.Suspect && member.Incarnation == incarnation)
        {
            Merge(new MemberUpdate(nodeId, member.Address, MemberStatus.Dead, incarnation, null, SelfId));
        }
    }

    private void OnGossipTick()
    {
        if (_broadcasts.Count == 0)
        {
            return;
        }

        var now = Now;
        foreach (var target in RandomMembers(_settings.GossipNodes, m => m.IsLive || now - m.LastChange < _settings.GossipToTheDead))
        {
            var gossip = new SwimGossip();
            Piggyback(gossip.Updates, null);
            if (gossip.Updates.Count == 0)
            {
                break;
            }

            Send(target.Address, gossip, "gossip");
        }
    }

    private void OnPushPullTick()
    {
        Context.Timers.StartSingle(PushPullTick.Instance, PushPullTick.Instance, SwimFormulas.PushPullInterval(_settings.PushPullInterval, _table.LiveCount));
        if (_state == State.Leaving)
        {
            return;
        }

        // Dead members are candidates too (not left ones): after a partition heals, each side
        // still holds the other as dead, and an exchange with one of them starts the repair.
        foreach (var peer in RandomMembers(1, m => m.Status is MemberStatus.Alive or MemberStatus.Dead))
        {
            MeshMetrics.PushPullSyncs.Add(1, new KeyValuePair<string, object?>("direction", "initiated"));
            Send(peer.Address, FullState(join: false, reply: false), "push_pull");
        }
    }

    private void OnJoinTick()
    {
        if (_state != State.Joining)
        {
            return;
        }

        var seeds = _options.Seeds.Where(s => s != Transport.LocalAddress).ToList();
        if (_options.Stats.JoinAttempts++ > 0)
        {
            MeshLog.JoinRetrying(Context.Log, string.Join(", ", seeds), _settings.JoinRetryInterval);
        }

        var state = FullState(join: true, reply: false);
        foreach (var seed in seeds)
        {
            Send(seed, state, "push_pull");
        }

        Context.Timers.StartSingle(JoinTick.Instance, JoinTick.Instance, _settings.JoinRetryInterval);
    }

    private void OnPushPull(PeerIdentity from, SwimPushPull pushPull)
    {
        MergeAll(pushPull.Members, deadAsSuspect: true);
        if (!pushPull.Reply)
        {
            MeshMetrics.PushPullSyncs.Add(1, new KeyValuePair<string, object?>("direction", "answered"));
            Send(from.Address, FullState(join: false, reply: true), "push_pull");
        }
        else if (_state == State.Joining)
        {
            Context.Timers.Cancel(JoinTick.Instance);
            BecomeUp(from.Address.ToString());
        }
    }

    private void OnGcTick()
    {
        foreach (var removed in _table.RemoveTombstones(Now, _settings.TombstoneTtl))
        {
            _order.Remove(removed.NodeId);
            CountStatus(removed.Status, -1);
            Emit(MemberEventKind.Removed, removed);
        }
    }

    /// <summary>Marks this node left, tells the live members directly (as requests, so each
    /// answers) and replies with how many acknowledged once all answered or timed out.</summary>
    private void OnLeave(Protocol.Leave leave)
    {
        if (_leave is not null)
        {
            _leave.Waiting.Add(leave.ReplyTo);
            return;
        }

        _state = State.Leaving;
        var self = _table.Self;
        var previous = self.Status;
        self = _table.SetSelf(MemberStatus.Left, self.Incarnation, self.Metadata, Now);
        CountStatus(previous, -1);
        CountStatus(MemberStatus.Left, +1);
        Emit(MemberEventKind.Left, self);
        var notice = MemberUpdate.Of(self, SelfId);
        Broadcast(notice);
        var recipients = RandomMembers(MaxLeaveNotices, m => m.IsLive).Select(m => m.Address).ToList();
        _leave = new LeaveProgress(recipients.Count) { Waiting = { leave.ReplyTo } };
        var gossip = new SwimGossip();
        gossip.Updates.Add(MemberWire.ToRecord(notice));
        var me = Context.Self;
        var log = Context.Log;
        foreach (var to in recipients)
        {
            _options.Stats.MessagesSent++;
            Transport.RequestAsync(to, gossip, _settings.LeaveTimeout).ContinueWith(
                t =>
                {
                    if (!t.IsCompletedSuccessfully)
                    {
                        MeshLog.LeaveNotAcknowledged(log, to.ToString(), t.Exception?.InnerException?.Message ?? "cancelled");
                    }

                    me.Tell(new LeaveAnswered(t.IsCompletedSuccessfully));
                },
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }

        FinishLeaveIfDone();
    }

    private void OnLeaveAnswered(bool acknowledged)
    {
        if (_leave is null)
        {
            return;
        }

        _leave.Outstanding--;
        _leave.Acknowledged += acknowledged ? 1 : 0;
        FinishLeaveIfDone();
    }

    private void FinishLeaveIfDone()
    {
        if (_leave is not { Outstanding: <= 0 } leave || leave.Finished)
        {
            return;
        }

        leave.Finished = true;
        MeshLog.Left(Context.Log, leave.Notified, leave.Acknowledged);
        foreach (var waiting in leave.Waiting)
        {
            waiting.Tell(leave.Acknowledged);
        }

        leave.Waiting.Clear();
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

    private void StartSuspicion(Member member, string raisedBy)
    {
        MeshMetrics.Suspicions.Add(1, new KeyValuePair<string, object?>("event", "raised"));
        var n = _table.LiveCount;
        var minimum = SwimFormulas.SuspicionMinimum(_settings.SuspicionMult, n, _settings.ProbeInterval);
        var suspicion = new Suspicion(member.Incarnation, raisedBy, Now, minimum, minimum * _settings.SuspicionMaxTimeoutMult, SwimFormulas.ExpectedConfirmations(_settings.SuspicionMult, n));
        _suspicions[member.NodeId] = suspicion;
        Context.Timers.StartSingle(SuspicionKey(member.NodeId), new SuspicionTimeout(member.NodeId, member.Incarnation), suspicion.Deadline - Now);
    }

    /// <summary>Lifeguard: another member independently suspects the same member at the same
    /// incarnation; the deadline moves earlier and the confirmation is passed on.</summary>
    private void ConfirmSuspicion(MemberUpdate update)
    {
        if (update.Status != MemberStatus.Suspect || !_suspicions.TryGetValue(update.NodeId, out var suspicion) ||
            suspicion.Incarnation != update.Incarnation || !suspicion.Confirm(update.From))
        {
            return;
        }

        Context.Timers.StartSingle(SuspicionKey(update.NodeId), new SuspicionTimeout(update.NodeId, update.Incarnation), Max(TimeSpan.Zero, suspicion.Deadline - Now));
        Broadcast(update with { Metadata = null });
    }

    private void Refute(ulong incarnation, MemberMetadata metadata)
    {
        var self = _table.SetSelf(_state == State.Leaving ? MemberStatus.Left : MemberStatus.Alive, incarnation, metadata, Now);
        Broadcast(MemberUpdate.Of(self, SelfId));
    }

    private void BecomeUp(string? through)
    {
        _state = State.Up;
        if (through is not null)
        {
            MeshLog.Joined(Context.Log, through, _table.LiveCount);
        }

        Emit(MemberEventKind.Up, _table.Self);
        _options.Stats.UpAt = Now;
    }

    private void Broadcast(MemberUpdate update) => _broadcasts.Enqueue(MemberWire.ToRecord(update));

    private void Piggyback(ICollection<MemberRecord> into, string? skipNode)
    {
        var used = into.Sum(r => r.CalculateSize() + 2);
        _broadcasts.Take(_settings.MaxPiggybackBytes - used, SwimFormulas.RetransmitLimit(_settings.RetransmitMult, _table.LiveCount), into, skipNode);
    }

    private SwimPushPull FullState(bool join, bool reply)
    {
        var state = new SwimPushPull { Join = join, Reply = reply };
        foreach (var member in _table.Members)
        {
            state.Members.Add(MemberWire.FullRecord(member, SelfId));
        }

        return state;
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
            // Few members: shuffle all and take the first eligible ones.
            var start = Context.Random.Next(n);
            for (var i = 0; i < n && chosen.Count < count; i++)
            {
                var candidate = _order[(start + (i * 7919)) % n];
                if (_table.TryGet(candidate, out var member) && eligible(member) && !chosen.Contains(member))
                {
                    chosen.Add(member);
                }
            }

            return chosen;
        }

        for (var attempt = 0; attempt < count * 8 && chosen.Count < count; attempt++)
        {
            if (_table.TryGet(_order[Context.Random.Next(n)], out var member) && eligible(member) && !chosen.Contains(member))
            {
                chosen.Add(member);
            }
        }

        return chosen;
    }

    private void Send(NodeAddress to, IMessage message, string type)
    {
        var size = message.CalculateSize();
        _options.Stats.MessagesSent++;
        _options.Stats.BytesSent += size;
        var tag = new KeyValuePair<string, object?>("type", type);
        MeshMetrics.GossipMessages.Add(1, tag);
        MeshMetrics.GossipBytes.Add(size, tag);
        Transport.Send(to, message);
    }

    private void Emit(MemberEventKind kind, Member member)
    {
        if (kind != MemberEventKind.Up || member.NodeId != SelfId)
        {
            MeshLog.MemberChanged(Context.Log, member.NodeId, member.Address.ToString(), kind, member.Incarnation);
        }

        _options.Stats.OnEvent?.Invoke(kind, member);
        if (_options.Events.HasSubscribers)
        {
            _pendingEvents.Add(new MemberEvent(kind, member, _table.Version));
        }
    }

    private void FlushEvents()
    {
        if (_pendingEvents.Count == 0)
        {
            return;
        }

        _options.Events.Publish(new MembershipUpdate(_table.Snapshot(), _pendingEvents.ToArray()));
        _pendingEvents.Clear();
    }

    private void CountStatus(MemberStatus status, int delta)
    {
        if (MeshMetrics.Members.Enabled)
        {
            MeshMetrics.Members.Add(delta, new KeyValuePair<string, object?>("status", StatusTag(status)));
        }
    }

    private static string StatusTag(MemberStatus status) => status switch
    {
        MemberStatus.Alive => "alive",
        MemberStatus.Suspect => "suspect",
        MemberStatus.Dead => "dead",
        _ => "left",
    };

    private TimeSpan Jitter(TimeSpan interval) => interval * Context.Random.NextDouble();

    private TimeSpan GcInterval() => Max(TimeSpan.FromMilliseconds(100), _settings.TombstoneTtl / 4);

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static string SuspicionKey(string nodeId) => "suspect:" + nodeId;

    [DebuggerDisplay("probe {Sequence} of {Target.NodeId}")]
    private sealed class ProbeRound(ulong sequence, Member target, DateTimeOffset started)
    {
        public ulong Sequence { get; } = sequence;

        public Member Target { get; } = target;

        public DateTimeOffset Started { get; } = started;

        public bool Acked { get; set; }

        public bool IndirectSent { get; set; }

        public int ExpectedNacks { get; set; }

        public int Nacks { get; set; }
    }

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
