using Akka.Actor;
using MeshActors.Diagnostics;
using MeshActors.Events.Admission;
using MeshActors.Events.Dissemination;
using MeshActors.Events.Envelope;
using MeshActors.Views.Overlay;

namespace MeshActors.Events.Delivery;

/// <summary>
/// <c>/user/mesh/events</c>: drives <see cref="Plumtree"/> over the links the view manager reports,
/// signs this node's events, admits every event (local or remote) with <see cref="EventAdmission"/>
/// before it is forwarded or delivered, and hands admitted events to the local subscriptions that
/// match. Every node relays every admitted event over the tree, subscribed or not (see README).
/// Protocol logic is pure (Plumtree, admission, topics); this actor routes messages and timers.
/// </summary>
internal sealed partial class EventRouter : ReceiveActor, IWithTimers
{
    private readonly Settings _settings;
    private readonly EventsOptions _options;
    private readonly EnvelopeLimits _limits;
    private readonly AdmissionSettings _admissionSettings;
    private readonly AdmissionState _admission;
    private readonly SourceCertificates _certificates;
    private readonly CertificateEventVerifier _verifier;
    private readonly CertificateEventSigner _signer;
    private readonly LocalSubscriptions _subscriptions = new();
    private readonly Dictionary<string, (OverlayPeer Peer, ICanTell Router)> _links = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Peer, string Source), long> _certificateSent = [];
    private readonly Queue<Waiting> _waiting = new();
    private readonly LazyQueue _lazy = new();
    private readonly long _startedAt;
    private readonly ulong _incarnation;
    private PlumtreeState<string> _plumtree;
    private ulong _sequence;
    private TimeSpan? _wakeAt;

    public EventRouter(Settings settings)
    {
        _settings = settings;
        _options = settings.Options;
        _limits = _options.Limits;
        _admissionSettings = _options.Admission;
        _admission = new AdmissionState(_admissionSettings);
        _certificates = new SourceCertificates(settings.Identity, settings.NodeId, _options.CertificateCacheSize);
        _verifier = new CertificateEventVerifier(_certificates.Get, _limits);
        _signer = new CertificateEventSigner(settings.Identity.Certificate);
        _plumtree = PlumtreeState<string>.Create(settings.NodeId, _options.Plumtree);
        _startedAt = settings.Time.GetTimestamp();
        _incarnation = (ulong)settings.Time.GetUtcNow().ToUnixTimeMilliseconds();

        Receive<Protocol.Publish>(OnPublish);
        Receive<Protocol.Subscribe>(s =>
        {
            _subscriptions.Add(s.SubscriptionId, s.Pattern, s.Sink);
            if (s.Sink is ActorSink actor)
            {
                Context.Watch(actor.Subscriber);
            }
        });
        Receive<Protocol.Unsubscribe>(u => _subscriptions.Remove(u.SubscriptionId));
        Receive<Terminated>(t => _subscriptions.RemoveActor(t.ActorRef));
        Receive<Protocol.Tick>(_ => OnTick());
        Receive<Protocol.FlushAnnouncements>(_ => FlushAnnouncements());
        Receive<OverlayLinkUp>(OnLinkUp);
        Receive<OverlayLinkDown>(OnLinkDown);
        Receive<IEventWire>(m => Guarded(m, () =>
        {
            switch (m)
            {
                case EventGossip g: OnGossip(g, Sender); break;
                case EventIHave h: OnIHave(h); break;
                case EventIHaveBatch b:
                    foreach (var a in b.Announcements)
                    {
                        OnIHave(new EventIHave(b.From, a.Id, a.Round));
                    }

                    break;
                case EventGraft r: Apply(Plumtree.OnGraft(_plumtree, r.From, new PlumtreeMessage.Graft(r.Id, r.Round)), Sender); break;
                case EventPrune p: Apply(Plumtree.OnPrune(_plumtree, p.From), Sender); break;
                case EventCertificateMissing c: OnCertificateMissing(c); break;
                case EventCertificate c: OnCertificate(c); break;
            }
        }));
    }

    /// <inheritdoc />
    public ITimerScheduler Timers { get; set; } = null!;

    private TimeSpan Now => _settings.Time.GetElapsedTime(_startedAt);

    /// <inheritdoc />
    protected override void PreStart()
    {
        _settings.Views.Tell(new SubscribeLinks(Self), Self);
        MeshLog.EventRouterStarted(_settings.Log, _settings.NodeId, _incarnation, _settings.Identity.Authenticated ? "the node's cluster certificate" : "an ephemeral self-signed key (tls.mode = insecure: events are NOT authenticated)");
    }

    /// <inheritdoc />
    protected override void PostStop() => _signer.Dispose();

    private void OnPublish(Protocol.Publish publish)
    {
        var unsigned = new MeshEvent(publish.Id, _settings.NodeId, _incarnation, ++_sequence, _settings.Time.GetUtcNow(), publish.Topic, publish.Payload, SignatureAlgorithm.None, ReadOnlyMemory<byte>.Empty);
        byte[] envelope;
        try
        {
            envelope = MeshEventCodec.Encode(MeshEventCodec.Sign(unsigned, _signer, _limits), _limits);
        }
        catch (ArgumentException e)
        {
            MeshLog.EventPublishRefused(_settings.Log, publish.Topic, e.Message);
            return;
        }

        _settings.Metrics.Published.Inc();

        // The same admission a peer's event passes: decoded from its bytes, checked and verified.
        var decoded = MeshEventCodec.Decode(envelope, _limits);
        var decision = EventAdmission.Admit(decoded, _options.Allows, _verifier, _admission, _settings.Time.GetUtcNow(), _admissionSettings);
        if (!decision.Admitted)
        {
            Drop(decision, decoded.Event?.Source, null);
            return;
        }

        var step = Plumtree.Broadcast(_plumtree, EnvelopeFields.PlumtreeId(publish.Id), envelope, Now);
        Apply(step, ActorRefs.NoSender);
        Deliver(decoded.Event!, local: true);
    }

    private void OnGossip(EventGossip gossip, IActorRef sender)
    {
        var decoded = MeshEventCodec.Decode(gossip.Envelope.Span, _limits);
        if (decoded.Succeeded && EnvelopeFields.PlumtreeId(decoded.Event.Id) != gossip.Id)
        {
            decoded = DecodeResult.Fail(DecodeFailure.Truncated, $"the gossip's id {gossip.Id} is not that of the event it carries ({decoded.Event.Id})");
        }

        if (decoded.Succeeded && _plumtree.Received.Contains(gossip.Id))
        {
            _settings.Metrics.Duplicates.Inc();
            Apply(Plumtree.OnGossip(_plumtree, gossip.From, new PlumtreeMessage.Gossip(gossip.Id, gossip.Envelope, gossip.Round), Now), sender);
            return;
        }

        if (decoded.Succeeded && !gossip.SourceCertificate.IsEmpty && _certificates.Offer(decoded.Event.Source, gossip.SourceCertificate.Span) is { } problem)
        {
            DropWire("bad-signature", $"the certificate sent for {decoded.Event.Source} was refused: {problem}", gossip.From, sender, decoded.Event.Source);
            return;
        }

        if (decoded.Succeeded && _certificates.Get(decoded.Event.Source) is null && _options.Allows(decoded.Event.Topic))
        {
            Wait(gossip, sender, decoded.Event.Source);
            return;
        }

        var decision = EventAdmission.Admit(decoded, _options.Allows, _verifier, _admission, _settings.Time.GetUtcNow(), _admissionSettings);
        if (!decision.Admitted)
        {
            Drop(decision, decoded.Event?.Source, PeerOf(gossip.From, sender));
            return;
        }

        var step = Plumtree.OnGossip(_plumtree, gossip.From, new PlumtreeMessage.Gossip(gossip.Id, gossip.Envelope, gossip.Round), Now);
        Apply(step, sender);
        Deliver(decoded.Event!, local: false);
    }

    private void OnIHave(EventIHave have)
    {
        if (!_plumtree.Received.Contains(have.Id) && !_plumtree.Missing.ContainsKey(have.Id) && _plumtree.Missing.Count >= _options.MaxMissing)
        {
            _settings.Metrics.Dropped.WithLabels("ihave-flood").Inc();
            return;
        }

        Apply(Plumtree.OnIHave(_plumtree, have.From, new PlumtreeMessage.IHave(have.Id, have.Round), Now), Sender);
    }

    private void OnTick()
    {
        _wakeAt = null;
        var now = Now;
        Apply(Plumtree.OnTimer(_plumtree, now), ActorRefs.NoSender);
        var expired = now - _options.MissingTimeout - _options.GraftRetry;
        while (_waiting.TryPeek(out var oldest) && oldest.Since <= expired)
        {
            _waiting.Dequeue();
            DropWire("unknown-source", $"no neighbour sent the certificate of {oldest.Source} in time", oldest.Gossip.From, null, oldest.Source);
        }

        TimeSpan? next = _waiting.TryPeek(out var first) ? first.Since + _options.MissingTimeout + _options.GraftRetry : null;
        foreach (var missing in _plumtree.Missing.Values)
        {
            next = next is null || missing.Deadline < next ? missing.Deadline : next;
        }

        WakeAt(next);
    }

    private void OnLinkUp(OverlayLinkUp up)
    {
        var router = _settings.Resolve?.Invoke(up.Peer) ?? Context.ActorSelection($"{up.Peer.Address}/user/mesh/events");
        if (_links.ContainsKey(up.Peer.NodeId))
        {
            _plumtree = Plumtree.OnNeighborDown(_plumtree, up.Peer.NodeId).State;
        }

        _links[up.Peer.NodeId] = (up.Peer, router);
        Apply(Plumtree.OnNeighborUp(_plumtree, up.Peer.NodeId, Now), ActorRefs.NoSender);
    }

    private void OnLinkDown(OverlayLinkDown down)
    {
        if (!_links.TryGetValue(down.Peer.NodeId, out var link) || link.Peer != down.Peer)
        {
            return;
        }

        _links.Remove(down.Peer.NodeId);
        _lazy.Forget(down.Peer.NodeId);
        _plumtree = Plumtree.OnNeighborDown(_plumtree, down.Peer.NodeId).State;
        foreach (var key in _certificateSent.Keys.Where(k => k.Peer == down.Peer.NodeId).ToList())
        {
            _certificateSent.Remove(key);
        }
    }

    private void OnCertificateMissing(EventCertificateMissing missing)
    {
        if (_certificates.Travel(missing.Source) is { } travel)
        {
            Send(missing.From, new EventCertificate(_settings.NodeId, missing.Source, travel.Der), Sender);
        }
    }

    private void OnCertificate(EventCertificate certificate)
    {
        if (_certificates.Offer(certificate.Source, certificate.Certificate.Span) is { } problem)
        {
            DropWire("bad-signature", $"the certificate sent for {certificate.Source} was refused: {problem}", certificate.From, Sender, certificate.Source);
            return;
        }

        var ready = _waiting.Where(w => w.Source == certificate.Source).ToList();
        if (ready.Count == 0)
        {
            return;
        }

        var rest = _waiting.Where(w => w.Source != certificate.Source).ToList();
        _waiting.Clear();
        rest.ForEach(_waiting.Enqueue);
        foreach (var w in ready)
        {
            OnGossip(w.Gossip, w.Sender);
        }
    }

    private void Wait(EventGossip gossip, IActorRef sender, string source)
    {
        if (_options.CertificateWaitBuffer == 0)
        {
            DropWire("unknown-source", $"no certificate is known for {source} and certificate-wait-buffer is 0", gossip.From, sender, source);
            return;
        }

        if (_waiting.Count >= _options.CertificateWaitBuffer)
        {
            var oldest = _waiting.Dequeue();
            DropWire("unknown-source", $"certificate-wait-buffer ({_options.CertificateWaitBuffer}) is full; the oldest event waiting for {oldest.Source}'s certificate is dropped", oldest.Gossip.From, null, oldest.Source);
        }

        var since = Now;
        _waiting.Enqueue(new Waiting(gossip, sender, source, since));
        Send(gossip.From, new EventCertificateMissing(_settings.NodeId, source), sender);
        WakeAt(since + _options.MissingTimeout + _options.GraftRetry);
    }

    private void Deliver(MeshEvent @event, bool local)
    {
        var received = new ReceivedEvent(@event.Id, @event.Topic, @event.Source, @event.Payload, @event.Timestamp, _settings.Time.GetUtcNow(), local);
        var delivered = _subscriptions.Deliver(received);
        _settings.Metrics.Delivered.Inc(delivered);
        if (delivered == 0 && !local)
        {
            _settings.Metrics.Relayed.Inc();
        }
    }

    private sealed record Waiting(EventGossip Gossip, IActorRef Sender, string Source, TimeSpan Since);
}
