using Akka.Actor;
using MeshActors.Views.Limits;
using MeshActors.Views.Pex;
using MeshActors.Views.Scoring;
using MeshActors.Views.Wire;

namespace MeshActors.Views.Overlay;

/// <summary>
/// The view manager's bookkeeping of its peers that the HyParView state does not hold: their actor
/// references, when each was last heard from, outstanding pings, pending requests, scores and bans
/// (<see cref="PeerScoreBook"/>), and the inbound-rate bucket. The decisions are the pure cores'
/// (<c>Scoring</c>, <c>Limits</c>, <c>Pex</c>); this class only holds their state between messages.
/// Every table is bounded by the views' sizes or by the score book's cap.
/// </summary>
internal sealed class PeerLinks(ViewManagerSettings s, ActorSystem system)
{
    private readonly Dictionary<OverlayPeer, IActorRef> _refs = [];
    private readonly Dictionary<OverlayPeer, DateTimeOffset> _heard = [];
    private readonly Dictionary<OverlayPeer, DateTimeOffset> _since = [];
    private readonly Dictionary<OverlayPeer, DateTimeOffset> _pending = [];
    private readonly Dictionary<OverlayPeer, (long Nonce, long Sent)> _pings = [];
    private readonly Dictionary<string, (string Address, string Reason)> _banned = [];
    private readonly SubnetExemptions _exempt = SubnetExemptions.Create(s.Options.Limits.ExemptRanges);
    private PeerScoreBook _scores = Restore(s);
    private TokenBucket _inbound = TokenBucket.Full(s.Options.Limits.InboundPerSecond, s.Options.Limits.InboundBurst, s.Time.GetUtcNow());

    /// <summary>The peer's <c>/user/mesh/views</c>, resolved locally (no round trip) and cached while it is in a view.</summary>
    public IActorRef RefOf(OverlayPeer peer)
    {
        if (!_refs.TryGetValue(peer, out var actor))
        {
            actor = ((ExtendedActorSystem)system).Provider.ResolveActorRef(peer.Address + "/user/mesh/views");
            if (_refs.Count > 4 * (s.Options.Views.ActiveHigh + s.Options.Views.PassiveSize))
            {
                _refs.Clear();
            }

            _refs[peer] = actor;
        }

        return actor;
    }

    public void Heard(OverlayPeer peer, DateTimeOffset now)
    {
        if (_since.ContainsKey(peer))
        {
            _heard[peer] = now;
        }
    }

    public void LinkUp(OverlayPeer peer, DateTimeOffset now)
    {
        _since[peer] = now;
        _heard[peer] = now;
        _pending.Remove(peer);
        _scores = _scores.RecordSuccess(peer.NodeId, now).Book;
    }

    public void PendingSince(OverlayPeer peer, DateTimeOffset now) => _pending[peer] = now;

    public TimeSpan SilentFor(OverlayPeer peer, DateTimeOffset now) => _heard.TryGetValue(peer, out var at) ? now - at : TimeSpan.Zero;

    public TimeSpan PendingFor(OverlayPeer peer, DateTimeOffset now) => _pending.TryGetValue(peer, out var at) ? now - at : TimeSpan.Zero;

    public void PingSent(OverlayPeer peer, long nonce, long timestamp) => _pings[peer] = (nonce, timestamp);

    /// <summary>The round trip of the outstanding ping <paramref name="nonce"/> to <paramref name="peer"/>; null for a pong nobody waited for.</summary>
    public TimeSpan? PongReceived(OverlayPeer peer, long nonce, long timestamp, TimeProvider time)
    {
        if (!_pings.TryGetValue(peer, out var ping) || ping.Nonce != nonce)
        {
            return null;
        }

        _pings.Remove(peer);
        return time.GetElapsedTime(ping.Sent, timestamp);
    }

    /// <summary>Records a round trip; returns the ban it caused, if any.</summary>
    public PeerBan? RecordRtt(OverlayPeer peer, TimeSpan rtt, DateTimeOffset now) => Take(_scores.RecordRtt(peer.NodeId, rtt, now), peer, "slow round trips");

    /// <summary>Records misbehaviour; returns the ban it caused, if any.</summary>
    public PeerBan? RecordError(OverlayPeer peer, string reason, DateTimeOffset now) => Take(_scores.RecordError(peer.NodeId, now), peer, reason);

    /// <summary>Records a failed link or request and forgets the link; returns the ban it caused, if any.</summary>
    public PeerBan? RecordFailure(OverlayPeer peer, DateTimeOffset now)
    {
        Forget(peer);
        var ban = Take(_scores.RecordTimeout(peer.NodeId, now), peer, "failed links and requests");
        s.PeerCache?.SaveOverlayScore(peer.NodeId, _scores.Score(peer.NodeId), ban?.Until);
        return ban;
    }

    public bool IsBanned(string nodeId, DateTimeOffset now) => _scores.IsBanned(nodeId, now);

    public bool TryTakeInbound(DateTimeOffset now)
    {
        (var taken, _inbound) = _inbound.TryTake(now);
        return taken;
    }

    public bool SubnetFull(IEnumerable<OverlayPeer> active, OverlayPeer candidate) =>
        !SubnetLimit.Admits(active.Select(p => HostOf(p.Address)), HostOf(candidate.Address), s.Options.Limits.MaxPeersPerSubnet, _exempt);

    /// <summary>Active peers to prune: over max-per-subnet (the lowest-scored of a full range) and
    /// over max-peers (<see cref="ConnectionLimit"/>: lowest score first).</summary>
    public IEnumerable<(OverlayPeer Peer, string Reason)> OverLimits(IReadOnlyList<OverlayPeer> active)
    {
        var kept = new List<OverlayPeer>();
        var max = s.Options.Limits.MaxPeersPerSubnet;
        foreach (var peer in active.OrderByDescending(p => _scores.Score(p.NodeId)).ThenBy(p => _since.GetValueOrDefault(p)))
        {
            if (max > 0 && !SubnetLimit.Admits(kept.Select(p => HostOf(p.Address)), HostOf(peer.Address), max, _exempt))
            {
                yield return (peer, "subnet");
            }
            else
            {
                kept.Add(peer);
            }
        }

        var links = kept.Select(p => new ScoredLink(p.NodeId, _scores.Score(p.NodeId), _since.GetValueOrDefault(p))).ToList();
        foreach (var link in ConnectionLimit.Prune(links, s.Options.MaxPeers))
        {
            yield return (kept.First(p => p.NodeId == link.NodeId), "max_peers");
        }
    }

    public PexIntakeResult Intake(PexResponse response, OverlayPeer self, string clusterId) =>
        PexIntake.Accept(response, s.Options.Pex.MaxEntries, self, clusterId);

    public ViewPeer Describe(OverlayPeer peer, DateTimeOffset now) =>
        new(peer.NodeId, peer.Address, _scores.Score(peer.NodeId), _scores.Rtt(peer.NodeId)?.TotalMilliseconds, _since.GetValueOrDefault(peer, now));

    /// <summary>What peer exchange may offer of <paramref name="peer"/>: proven once it has been an authenticated link of this node.</summary>
    public PexCandidate CandidateOf(OverlayPeer peer) =>
        new(peer.NodeId, peer.Address, _heard.GetValueOrDefault(peer, _since.GetValueOrDefault(peer)), _scores.Score(peer.NodeId), Proven: _since.ContainsKey(peer));

    public IReadOnlyList<BannedPeer> Bans(DateTimeOffset now) =>
        [.. _scores.Where(e => e.Value.IsBannedAt(now)).Select(e => new BannedPeer(e.Key, _banned.GetValueOrDefault(e.Key).Address ?? "", e.Value.BannedUntil!.Value, _banned.GetValueOrDefault(e.Key).Reason ?? "score"))];

    /// <summary>Ends the bans that are over.</summary>
    public void Expire(DateTimeOffset now)
    {
        (_scores, var ended) = _scores.Expire(now);
        foreach (var id in ended)
        {
            _banned.Remove(id);
        }
    }

    private PeerBan? Take(ScoreUpdate update, OverlayPeer peer, string reason)
    {
        _scores = update.Book;
        if (update.Ban is { } ban)
        {
            _banned[peer.NodeId] = (peer.Address, reason);
            s.PeerCache?.SaveOverlayScore(peer.NodeId, _scores.Score(peer.NodeId), ban.Until);
        }

        return update.Ban;
    }

    private void Forget(OverlayPeer peer)
    {
        _heard.Remove(peer);
        _since.Remove(peer);
        _pending.Remove(peer);
        _pings.Remove(peer);
    }

    /// <summary>The scores and bans kept in the peer cache (for peers the cache knows), so a restart does not lift a ban.</summary>
    private static PeerScoreBook Restore(ViewManagerSettings s)
    {
        var book = PeerScoreBook.Empty(s.Options.Scoring);
        var now = s.Time.GetUtcNow();
        foreach (var saved in s.PeerCache?.OverlayScores() ?? [])
        {
            book = book.Restore(saved.NodeId, saved.Score, saved.BannedUntil, now);
        }

        return book;
    }

    private static string HostOf(string address) => Address.TryParse(address, out var a) && a.Host is { } host ? host : address;
}
