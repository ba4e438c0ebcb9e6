using Akka.Actor;
using MeshActors.Diagnostics;
using MeshActors.Events.Admission;
using MeshActors.Events.Dissemination;
using MeshActors.Views.Overlay;

namespace MeshActors.Events.Delivery;

/// <summary>The router's edge: Plumtree's sends as <see cref="IEventWire"/> messages (with the source
/// certificate attached once per link per source), sender checks, drops, and the timer.</summary>
internal sealed partial class EventRouter
{
    private const int MaxCertificateSentEntries = 65_536;

    /// <summary>Takes a handler's step: the next state, its sends, and its timer.</summary>
    private void Apply(PlumtreeStep<string> step, IActorRef? replyTo)
    {
        _plumtree = step.State;
        foreach (var send in step.Sends)
        {
            if (send.Message is PlumtreeMessage.IHave have && _options.IHaveBatchInterval > TimeSpan.Zero)
            {
                Announce(send.To, new EventAnnouncement(have.Id, have.Round));
                continue;
            }

            Send(send.To, ToWire(send.To, send.Message), replyTo);
        }

        WakeAt(step.WakeAt);
    }

    /// <summary>Queues an IHAVE for <paramref name="to"/>; the queue goes out at the next flush, or at
    /// once when it is full.</summary>
    private void Announce(string to, EventAnnouncement announcement)
    {
        if (_lazy.IsEmpty)
        {
            Timers.StartSingleTimer(Protocol.FlushAnnouncements.Instance, Protocol.FlushAnnouncements.Instance, _options.IHaveBatchInterval);
        }

        if (_lazy.Add(to, announcement) is { } full)
        {
            Send(to, new EventIHaveBatch(_settings.NodeId, full), null);
        }
    }

    private void FlushAnnouncements()
    {
        foreach (var (to, announcements) in _lazy.Drain())
        {
            Send(to, announcements.Length == 1 ? new EventIHave(_settings.NodeId, announcements[0].Id, announcements[0].Round) : new EventIHaveBatch(_settings.NodeId, announcements), null);
        }
    }

    private IEventWire ToWire(string to, PlumtreeMessage message)
    {
        var self = _settings.NodeId;
        switch (message)
        {
            case PlumtreeMessage.Gossip g:
                var (source, topic) = EnvelopeFields.Read(g.Payload.Span);
                if (source != self && !_subscriptions.AnyMatch(topic))
                {
                    _settings.Metrics.RelayPayloadBytes.Inc(g.Payload.Length);
                }

                var certificate = ReadOnlyMemory<byte>.Empty;
                if (_certificates.Travel(source) is { } travel && (!_certificateSent.TryGetValue((to, source), out var sent) || sent != travel.Digest))
                {
                    if (_certificateSent.Count >= MaxCertificateSentEntries)
                    {
                        _certificateSent.Clear(); // attaching again costs bytes, never correctness
                    }

                    _certificateSent[(to, source)] = travel.Digest;
                    certificate = travel.Der;
                    _settings.Metrics.CertificatesAttached.Inc();
                }

                return new EventGossip(self, g.Id, g.Round, g.Payload, certificate);
            case PlumtreeMessage.IHave h:
                return new EventIHave(self, h.Id, h.Round);
            case PlumtreeMessage.Graft r:
                return new EventGraft(self, r.Id, r.Round);
            default:
                return new EventPrune(self);
        }
    }

    /// <summary>Sends to the link of <paramref name="to"/>, or, when it is no link (a race with a
    /// link going down), back to <paramref name="replyTo"/>; otherwise nowhere.</summary>
    private void Send(string to, IEventWire message, IActorRef? replyTo)
    {
        ICanTell? target = _links.TryGetValue(to, out var link) ? link.Router
            : replyTo is not null && !replyTo.IsNobody() ? replyTo : null;
        if (target is null)
        {
            return;
        }

        if (message is EventCertificate)
        {
            _settings.Metrics.CertificatesAttached.Inc();
        }

        var kind = EventMetrics.KindOf(message);
        _settings.Metrics.WireMessages.WithLabels(kind).Inc();
        _settings.Metrics.WireBytes.WithLabels(kind).Inc(EventWireSerializer.SizeOf(message));
        target.Tell(message, Self);
    }

    /// <summary>Whether a wire message may be handled: not claiming to be this node, and, when it
    /// came over the network from a neighbour's id, from that neighbour's address.</summary>
    private bool Authentic(IEventWire message)
    {
        var address = Sender.Path.Address;
        var spoofed = message.From == _settings.NodeId
            || (address.HasGlobalScope && _links.TryGetValue(message.From, out var link) && link.Peer.Address != address.ToString());
        if (spoofed)
        {
            DropWire("spoofed-sender", $"a {EventMetrics.KindOf(message)} message from {address} claims to come from {message.From}", message.From, Sender, null);
        }

        return !spoofed;
    }

    /// <summary>Handles a neighbour's message when <see cref="Authentic"/>; a message that still makes
    /// a handler throw is dropped as <c>malformed</c> instead of restarting the router, which would
    /// lose the local subscriptions.</summary>
    private void Guarded(IEventWire message, Action handle)
    {
        if (!Authentic(message))
        {
            return;
        }

        try
        {
            handle();
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException or IndexOutOfRangeException or System.Security.Cryptography.CryptographicException)
        {
            DropWire("malformed", $"a {EventMetrics.KindOf(message)} message made the router fail: {e.Message}", message.From, Sender, null);
        }
    }

    private OverlayPeer PeerOf(string from, IActorRef? sender) =>
        _links.TryGetValue(from, out var link) ? link.Peer : new OverlayPeer(from, sender?.Path.Address.ToString() ?? string.Empty);

    /// <summary>An admission drop: counted (a duplicate only as a duplicate), audited, and for a bad
    /// signature or a malformed envelope the neighbour reported to the view manager.</summary>
    private void Drop(AdmissionDecision decision, string? source, OverlayPeer? from)
    {
        if (decision.Reason == DropReason.Duplicate)
        {
            _settings.Metrics.Duplicates.Inc();
            return;
        }

        _settings.Metrics.Dropped.WithLabels(decision.ReasonCode!).Inc();
        _settings.Audit.Write(decision.ToAuditEvent(_settings.Time.GetUtcNow(), source, from?.Address));
        MeshLog.EventDropped(_settings.Log, decision.ReasonCode!, from?.ToString() ?? "this node", decision.Detail);
        if (from is { } peer && decision.Reason is DropReason.BadSignature or DropReason.Malformed)
        {
            Misbehaved(peer, decision.ReasonCode! + ": " + decision.Detail);
        }
    }

    /// <summary>A drop outside admission (certificates, senders): counted, audited, and for a refused
    /// certificate or a spoofed sender the neighbour reported.</summary>
    private void DropWire(string reason, string detail, string from, IActorRef? sender, string? source)
    {
        var peer = PeerOf(from, sender);
        _settings.Metrics.Dropped.WithLabels(reason).Inc();
        _settings.Audit.Write(new AuditEvent(AdmissionDecision.DroppedAuditKind, _settings.Time.GetUtcNow(), source, peer.Address, reason, detail));
        MeshLog.EventDropped(_settings.Log, reason, peer.ToString(), detail);
        if (reason is "bad-signature" or "spoofed-sender" or "malformed")
        {
            Misbehaved(peer, reason + ": " + detail);
        }
    }

    private void Misbehaved(OverlayPeer peer, string reason)
    {
        MeshLog.EventPeerMisbehaved(_settings.Log, peer.ToString(), reason);
        _settings.Views.Tell(new OverlayPeerMisbehaved(peer, reason), Self);
    }

    private void WakeAt(TimeSpan? at)
    {
        if (at is not { } due || (_wakeAt is { } pending && pending <= due))
        {
            return;
        }

        _wakeAt = due;
        var delay = due - Now;
        Timers.StartSingleTimer("wake", Protocol.Tick.Instance, delay > TimeSpan.Zero ? delay : TimeSpan.Zero);
    }
}
