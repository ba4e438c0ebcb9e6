using Akka.Actor;
using MeshActors.Diagnostics;
using MeshActors.Views.Wire;

namespace MeshActors.Views.Overlay;

/// <summary>Applying a handler's step: links up and down, sends, limits, bans and the published snapshot.</summary>
internal sealed partial class ViewManager
{
    private void Apply(HyParViewStep<OverlayPeer> step, string how)
    {
        var before = _view;
        _view = step.State;
        var now = Now;
        foreach (var peer in _view.Active.Where(p => !before.Active.Contains(p)))
        {
            _links.LinkUp(peer, now);
            Context.Watch(_links.RefOf(peer));
            _s.Metrics.Promotions.WithLabels(how).Inc();
            Tell(new OverlayLinkUp(peer));
        }

        foreach (var peer in before.Active.Where(p => !_view.Active.Contains(p)))
        {
            Context.Unwatch(_links.RefOf(peer));
            Tell(new OverlayLinkDown(peer, !_view.Passive.Contains(peer)));
        }

        foreach (var peer in _view.Pending.Where(p => !before.Pending.Contains(p)))
        {
            _links.PendingSince(peer, now);
        }

        foreach (var (to, message) in step.Sends)
        {
            if (message is HyParViewMessage<OverlayPeer>.Disconnect && before.Active.Contains(to) && how != "evicted")
            {
                _s.Metrics.Prunes.WithLabels("evicted").Inc();
            }

            Send(to, message);
        }

        if (_view.Active.Any(p => !before.Active.Contains(p)))
        {
            Enforce(); // a join, forward join or accepted request may have crossed a limit: prune before anyone sees it
        }

        if (!ReferenceEquals(before, _view))
        {
            Publish();
        }
    }

    private void Send(OverlayPeer to, HyParViewMessage<OverlayPeer> message) =>
        _links.RefOf(to).Tell(Count(new ViewEnvelope(_s.Self, message)), Self);

    private T Count<T>(T message)
        where T : IOverlayWire
    {
        var kind = OverlayCodec.KindOf(message).ToString().ToLowerInvariant();
        _s.Metrics.MessagesSent.WithLabels(kind).Inc();
        _s.Metrics.BytesSent.WithLabels(kind).Inc(OverlayCodec.Size(message));
        return message;
    }

    /// <summary>Keeps the limits the pure handlers do not know: at most max-peers active links and
    /// max-per-subnet per range, pruning the lowest-scored first.</summary>
    private void Enforce()
    {
        foreach (var (peer, reason) in _links.OverLimits(_view.Active).ToList())
        {
            Prune(peer, reason);
        }
    }

    /// <summary>Drops <paramref name="peer"/> from the active view (told with Disconnect) and repairs
    /// from the passive view. A pruned peer stays a passive candidate; a banned one leaves every view
    /// first, so the repair cannot dial it back.</summary>
    private void Prune(OverlayPeer peer, string reason, bool banned = false)
    {
        if (!_view.Active.Contains(peer) && !banned)
        {
            return;
        }

        var sends = new List<HyParViewSend<OverlayPeer>>();
        var state = _view;
        if (state.Active.Contains(peer))
        {
            _s.Metrics.Prunes.WithLabels(reason).Inc();
            state = state with { Active = state.Active.Remove(peer) };
            sends.Add(new(peer, new HyParViewMessage<OverlayPeer>.Disconnect()));
        }

        state = banned
            ? state with { Passive = state.Passive.Remove(peer), Pending = state.Pending.Remove(peer) }
            : HyParView.AddPassive(state, peer, _s.Random);
        state = HyParView.Repair(state, _s.Random, sends);
        Apply(new(state, sends), "neighbor");
    }

    private void Penalize(OverlayPeer peer, string reason)
    {
        _s.Audit.Write(new AuditEvent("overlay.peer-misbehaved", Now, peer.NodeId, peer.Address, "Misbehaved", reason));
        if (_links.RecordError(peer, reason, Now) is { } ban)
        {
            BanAndPrune(peer, ban.Until);
        }
    }

    private void BanAndPrune(OverlayPeer peer, DateTimeOffset until)
    {
        _s.Metrics.Bans.Inc();
        MeshLog.OverlayPeerBanned(_s.Log, peer.NodeId, peer.Address, until);
        _s.Audit.Write(new AuditEvent("overlay.peer-banned", Now, peer.NodeId, peer.Address, "ScoreBelowThreshold", $"banned until {until:O}"));
        Prune(peer, "score", banned: true);
    }

    private void OnPexResponse(PexResponse response)
    {
        var intake = _links.Intake(response, _s.Self, _s.ClusterId);
        foreach (var (reason, count) in intake.Dropped)
        {
            _s.Metrics.PexRefused.WithLabels(reason).Inc(count);
        }

        if (intake.Oversized)
        {
            _s.Audit.Write(new AuditEvent("overlay.pex-refused", Now, response.From.NodeId, response.From.Address, "Oversized", $"{response.Peers.Length} peers, more than pex.max-answer {_s.Options.Pex.MaxEntries}"));
            Penalize(response.From, "sent an oversized peer-exchange answer");
            return;
        }

        var state = _view;
        foreach (var entry in intake.Accepted.Where(e => !_links.IsBanned(e.NodeId, Now)))
        {
            state = HyParView.AddPassive(state, new OverlayPeer(entry.NodeId, entry.Address), _s.Random);
        }

        Apply(new(state, []), "neighbor");
    }

    private void Tell(object message)
    {
        foreach (var subscriber in _subscribers)
        {
            subscriber.Tell(message, Self);
        }
    }

    private void Publish()
    {
        var now = Now;
        var snapshot = new ViewsSnapshot(
            _s.Self,
            [.. _view.Active.Select(p => _links.Describe(p, now))],
            [.. _view.Passive.Select(p => _links.Describe(p, now))],
            _links.Bans(now),
            new ViewLimits(_s.Options.Views.ActiveTarget, _s.Options.Views.ActiveLow, _s.Options.Views.ActiveHigh, _s.Options.Views.PassiveSize, _s.Options.MaxPeers, _s.Options.Limits.MaxPeersPerSubnet, _s.Options.Limits.InboundPerSecond),
            ++_version);
        _s.Views.Publish(snapshot);
        _s.Pex.Tell(new PexResponder.Candidates([.. _view.Active.Concat(_view.Passive).Select(p => _links.CandidateOf(p))], [.. snapshot.Banned.Select(b => b.NodeId)]));
        _s.Metrics.ViewSize.WithLabels("active").Set(_view.Active.Count);
        _s.Metrics.ViewSize.WithLabels("passive").Set(_view.Passive.Count);
        _s.Metrics.ViewSize.WithLabels("pending").Set(_view.Pending.Count);
    }
}
