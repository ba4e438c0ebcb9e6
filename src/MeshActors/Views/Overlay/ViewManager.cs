using Akka.Actor;
using Akka.Remote;
using MeshActors.Diagnostics;
using MeshActors.Views.Wire;
using Microsoft.Extensions.Logging;

namespace MeshActors.Views.Overlay;

/// <summary>
/// <c>/user/mesh/views</c>: drives this node's HyParView views over Akka.Remote. It routes peers'
/// messages and its timers to the pure handlers (<see cref="HyParView"/>), sends what they return to
/// the peers' view managers, and keeps what the handlers do not: links' liveness (PING/PONG, Akka.Remote
/// disassociation, DeathWatch), scores and bans, the subnet, connection and inbound-rate limits, and
/// joining through contacts. Each change of the active view is told to the link subscribers
/// (the event router) and published to <see cref="MeshViews"/>.
/// </summary>
internal sealed partial class ViewManager : ReceiveActor, IWithTimers
{
    private readonly ViewManagerSettings _s;
    private readonly PeerLinks _links;
    private readonly HashSet<IActorRef> _subscribers = [];
    private HyParViewState<OverlayPeer> _view;
    private long _version;
    private long _nonce;
    private DateTimeOffset _lastPex = DateTimeOffset.MinValue;

    public ViewManager(ViewManagerSettings settings)
    {
        _s = settings;
        _view = HyParViewState<OverlayPeer>.Create(settings.Self, settings.Options.Views);
        _links = new PeerLinks(settings, Context.System);
        Receive<ViewEnvelope>(OnViewMessage);
        Receive<OverlayPing>(m => { if (Accept(m)) { OnPing(m); } });
        Receive<OverlayPong>(m => { if (Accept(m)) { OnPong(m); } });
        Receive<PexResponse>(m => { if (Accept(m)) { OnPexResponse(m); } });
        Receive<PexRequest>(m => { if (Accept(m)) { _s.Pex.Forward(m); } });
        Receive<Protocol.ShuffleTick>(_ => OnShuffleTick());
        Receive<Protocol.PingTick>(_ => OnPingTick());
        Receive<Protocol.JoinTick>(_ => JoinIfAlone());
        Receive<DisassociatedEvent>(e => FailAddress(e.RemoteAddress.ToString(), "disassociated"));
        Receive<RemotingLifecycleEvent>(_ => { });
        Receive<Terminated>(t => OnTerminated(t));
        Receive<SubscribeLinks>(OnSubscribe);
        Receive<OverlayPeerMisbehaved>(m => Penalize(m.Peer, m.Reason));
    }

    public ITimerScheduler Timers { get; set; } = null!;

    protected override void PreStart()
    {
        Context.System.EventStream.Subscribe(Self, typeof(RemotingLifecycleEvent));
        var o = _s.Options;
        Timers.StartPeriodicTimer(Protocol.ShuffleTick.Instance, Protocol.ShuffleTick.Instance, o.Views.ShufflePeriod);
        Timers.StartPeriodicTimer(Protocol.PingTick.Instance, Protocol.PingTick.Instance, o.PingInterval);
        // The first join waits a random part of join-retry: nodes started together then do not all
        // dial at the moment the cluster itself is opening every association.
        Timers.StartPeriodicTimer(Protocol.JoinTick.Instance, Protocol.JoinTick.Instance, o.JoinRetry * _s.Random.NextDouble(), o.JoinRetry);
        Publish();
    }

    protected override void PostStop() => Context.System.EventStream.Unsubscribe(Self);

    private bool Accept(IOverlayWire message)
    {
        var from = message.From;
        if (Sender.Path.Address.ToString() != from.Address || from.Equals(_s.Self))
        {
            _s.Metrics.Dropped.WithLabels("address_mismatch").Inc();
            return false;
        }

        if (_links.IsBanned(from.NodeId, Now))
        {
            _s.Metrics.Dropped.WithLabels("banned").Inc();
            return false;
        }

        _links.Heard(from, Now);
        return true;
    }

    private void OnViewMessage(ViewEnvelope envelope)
    {
        if (!Accept(envelope))
        {
            return;
        }

        var from = envelope.From;
        if (envelope.Message is HyParViewMessage<OverlayPeer>.Join or HyParViewMessage<OverlayPeer>.Neighbor
            && !_view.Active.Contains(from) && RefuseInbound(from, envelope.Message))
        {
            return;
        }

        if (!PeerNames.AllValid(envelope.Message, _s.ClusterId))
        {
            _s.Metrics.Dropped.WithLabels("bad_peer").Inc();
            Penalize(from, "sent a peer address outside this cluster");
            return;
        }

        var step = HyParView.Handle(_view, from, envelope.Message, _s.Random);
        Apply(step, envelope.Message switch
        {
            HyParViewMessage<OverlayPeer>.Join => "join",
            HyParViewMessage<OverlayPeer>.ForwardJoin or HyParViewMessage<OverlayPeer>.ForwardJoinAccepted => "forward_join",
            HyParViewMessage<OverlayPeer>.Neighbor => "neighbor",
            _ => "accepted",
        });
    }

    /// <summary>A join or neighbour request that would open a new inbound link: refused over the
    /// inbound rate, or when its subnet is full and this node is not short of neighbours.</summary>
    private bool RefuseInbound(OverlayPeer from, HyParViewMessage<OverlayPeer> message)
    {
        var reason = _links.TryTakeInbound(Now) ? _links.SubnetFull(_view.Active, from) ? "subnet" : null : "rate";
        if (reason is null)
        {
            return false;
        }

        _s.Metrics.InboundRefused.WithLabels(reason).Inc();
        Send(from, message is HyParViewMessage<OverlayPeer>.Neighbor
            ? new HyParViewMessage<OverlayPeer>.NeighborReply(false)
            : new HyParViewMessage<OverlayPeer>.Disconnect()); // a refused joiner already counts this node as a neighbour

        return true;
    }

    private void OnTerminated(Terminated terminated)
    {
        var address = terminated.ActorRef.Path.Address.ToString();
        if (_subscribers.Remove(terminated.ActorRef))
        {
            return;
        }

        FailAddress(address, "terminated");
    }

    private void FailAddress(string address, string cause)
    {
        foreach (var peer in _view.Active.Concat(_view.Pending).Where(p => p.Address == address).ToList())
        {
            Fail(peer, cause);
        }
    }

    private void Fail(OverlayPeer peer, string cause)
    {
        _s.Metrics.Failures.WithLabels(cause).Inc();
        var ban = _links.RecordFailure(peer, Now);
        Apply(HyParView.OnPeerFailed(_view, peer, _s.Random), "neighbor");
        if (ban is not null)
        {
            BanAndPrune(peer, ban.Until);
        }
    }

    /// <summary>HyParView's periodic step, and peer exchange with a random neighbour while the
    /// passive view is less than half full (a young overlay, or one after mass failure), at most
    /// once per <c>pex.min-interval</c>: shuffles alone refill it by only ka + kp + 1 peers per period.</summary>
    private void OnShuffleTick()
    {
        Apply(HyParView.Tick(_view, _s.Random), "neighbor");
        if (_view.Passive.Count < _s.Options.Views.PassiveSize / 2 && _s.Options.PexOnJoin > 0
            && Now - _lastPex >= _s.Options.Pex.RequestInterval && _view.Active.TryPickRandom(_s.Random, out var neighbour))
        {
            _lastPex = Now; // no more often than a responder answers one requester
            _links.RefOf(neighbour).Tell(Count(new PexRequest(_s.Self, _s.Options.PexOnJoin)), Self);
        }
    }

    private void OnPingTick()
    {
        var now = Now;
        foreach (var peer in _view.Active.ToList())
        {
            if (_links.SilentFor(peer, now) > _s.Options.PingTimeout)
            {
                Fail(peer, "ping_timeout");
                continue;
            }

            var nonce = ++_nonce;
            _links.PingSent(peer, nonce, _s.Time.GetTimestamp());
            _links.RefOf(peer).Tell(Count(new OverlayPing(_s.Self, nonce)), Self);
        }

        foreach (var peer in _view.Pending.ToList())
        {
            if (_links.PendingFor(peer, now) > _s.Options.PingTimeout)
            {
                Fail(peer, "request_timeout");
            }
        }

        Enforce();
        _links.Expire(now);
    }

    /// <summary>A ping from a peer this node does not hold as active means the link is one-sided (a
    /// refused join, a lost reply): answer Disconnect instead of Pong, so the pinger drops it and
    /// repairs, and links stay symmetric.</summary>
    private void OnPing(OverlayPing ping)
    {
        if (_view.Active.Contains(ping.From))
        {
            Sender.Tell(Count(new OverlayPong(_s.Self, ping.Nonce)), Self);
        }
        else
        {
            _s.Metrics.Dropped.WithLabels("one_sided_link").Inc();
            Send(ping.From, new HyParViewMessage<OverlayPeer>.Disconnect());
        }
    }

    private void OnPong(OverlayPong pong)
    {
        if (_links.PongReceived(pong.From, pong.Nonce, _s.Time.GetTimestamp(), _s.Time) is { } rtt)
        {
            _s.Metrics.RoundTrip.Observe(rtt.TotalSeconds);
            if (_links.RecordRtt(pong.From, rtt, Now) is { } ban)
            {
                BanAndPrune(pong.From, ban.Until);
            }
        }
    }

    private void JoinIfAlone()
    {
        if (_view.Active.Count > 0 || _view.Pending.Count > 0)
        {
            if (_view.Active.Count + _view.Pending.Count < _s.Options.Views.ActiveLow && _view.Passive.Count == 0)
            {
                Reseed();
            }

            return;
        }

        if (_view.Passive.Count > 0)
        {
            var sends = new List<HyParViewSend<OverlayPeer>>();
            Apply(new(HyParView.Repair(_view, _s.Random, sends), sends), "neighbor");
            return;
        }

        if (Contacts.Pick(_s, _links, Now) is { } contact)
        {
            MeshLog.OverlayJoining(_s.Log, _s.Self.NodeId, contact.ToString());
            Apply(HyParView.StartJoin(_view, contact, _s.Random), "join");
            if (_s.Options.PexOnJoin > 0)
            {
                _links.RefOf(contact).Tell(Count(new PexRequest(_s.Self, _s.Options.PexOnJoin)), Self);
            }
        }
    }

    /// <summary>Below active-low with nothing in the passive view: take contacts as passive peers and repair from them.</summary>
    private void Reseed()
    {
        var state = _view;
        foreach (var contact in Contacts.Sample(_s, _links, Now, _s.Options.Views.ActiveTarget))
        {
            state = HyParView.AddPassive(state, contact, _s.Random);
        }

        var sends = new List<HyParViewSend<OverlayPeer>>();
        Apply(new(HyParView.Repair(state, _s.Random, sends), sends), "neighbor");
    }

    private void OnSubscribe(SubscribeLinks subscribe)
    {
        if (_subscribers.Add(subscribe.Subscriber))
        {
            Context.Watch(subscribe.Subscriber);
            foreach (var peer in _view.Active)
            {
                subscribe.Subscriber.Tell(new OverlayLinkUp(peer));
            }
        }
    }

    private DateTimeOffset Now => _s.Time.GetUtcNow();

    /// <summary>The actor's own messages (timers).</summary>
    internal static class Protocol
    {
        internal sealed class ShuffleTick
        {
            public static readonly ShuffleTick Instance = new();
        }

        internal sealed class PingTick
        {
            public static readonly PingTick Instance = new();
        }

        internal sealed class JoinTick
        {
            public static readonly JoinTick Instance = new();
        }
    }
}
