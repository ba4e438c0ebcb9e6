using MeshActors.Diagnostics;
using MeshActors.Transport;
using MeshActors.Transport.Wire;

namespace MeshActors.Membership;

/// <summary>Dissemination: joining through the seeds, push-pull anti-entropy, gossip rounds,
/// piggybacked updates and tombstone removal.</summary>
internal sealed partial class MembershipActor
{
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

        var seeds = _seeds;
        if (_joinAttempts++ > 0)
        {
            MeshLog.JoinRetrying(Context.Log, string.Join(", ", seeds), _settings.JoinRetryInterval);
        }

        // A request, so the seed answers on the same connection: a joiner needs no connection
        // from the seed back to it before it is up (one TLS handshake instead of two).
        var state = FullState(join: true, reply: false);
        var self = Context.Self;
        foreach (var seed in seeds)
        {
            CountSent(state, "push_pull");
            Transport.RequestAsync(seed, state, _settings.JoinRetryInterval).ContinueWith(
                t =>
                {
                    if (t.IsCompletedSuccessfully && t.Result is SwimPushPull reply)
                    {
                        self.Tell(new JoinAnswered(seed, reply));
                    }
                },
                TaskContinuationOptions.ExecuteSynchronously);
        }

        Context.Timers.StartSingle(JoinTick.Instance, JoinTick.Instance, _settings.JoinRetryInterval);
    }

    private void OnPushPull(NodeAddress from, SwimPushPull pushPull, Action<Google.Protobuf.IMessage>? reply)
    {
        MergeAll(pushPull.Members, deadAsSuspect: true);
        if (!pushPull.Reply)
        {
            MeshMetrics.PushPullSyncs.Add(1, new KeyValuePair<string, object?>("direction", "answered"));
            var state = FullState(join: false, reply: true);
            if (reply is not null)
            {
                CountSent(state, "push_pull");
                reply(state);
            }
            else
            {
                Send(from, state, "push_pull");
            }
        }
        else if (_state == State.Joining)
        {
            Context.Timers.Cancel(JoinTick.Instance);
            BecomeUp(from.ToString());
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

    private void BecomeUp(string? through)
    {
        _state = State.Up;
        if (through is not null)
        {
            MeshLog.Joined(Context.Log, through, _table.LiveCount);
        }

        Emit(MemberEventKind.Up, _table.Self);
        _options.Stats.UpAt = Now;
        _options.OnUp?.Invoke();
    }

    private void OnIntroduce(Protocol.Introduce introduce)
    {
        if (_state != State.Up || introduce.Address == Transport.LocalAddress ||
            (introduce.NodeId is { } id && (id == SelfId || (_table.TryGet(id, out var known) && known.IsLive && known.Address == introduce.Address))))
        {
            return;
        }

        MeshMetrics.PushPullSyncs.Add(1, new KeyValuePair<string, object?>("direction", "introduced"));
        Send(introduce.Address, FullState(join: false, reply: false), "push_pull");
    }

    /// <summary>What this node tells a bootstrap probe: who it is, whether it is in a cluster, and
    /// (when it is) a few live members to join through, itself first.</summary>
    private BootstrapInfo BootstrapAnswer()
    {
        var info = new BootstrapInfo { NodeId = SelfId, Address = Transport.LocalAddress.ToString(), Joined = _state == State.Up };
        if (info.Joined)
        {
            info.SeedAddresses.Add(info.Address);
            foreach (var member in RandomMembers(4, m => m.Status == MemberStatus.Alive))
            {
                info.SeedAddresses.Add(member.Address.ToString());
            }
        }

        return info;
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
}
