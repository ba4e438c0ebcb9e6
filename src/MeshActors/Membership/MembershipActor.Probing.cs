using System.Diagnostics;
using MeshActors.Actors;
using MeshActors.Diagnostics;
using MeshActors.Transport;
using MeshActors.Transport.Wire;

namespace MeshActors.Membership;

/// <summary>SWIM probing: direct and indirect probes, relaying for others, and Lifeguard
/// suspicions with their confirmations and deadlines.</summary>
internal sealed partial class MembershipActor
{
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

    private readonly Dictionary<ulong, Relay> _relays = [];
}
