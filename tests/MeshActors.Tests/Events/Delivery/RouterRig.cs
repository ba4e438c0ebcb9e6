using System.Collections.Concurrent;
using Akka.Actor;
using Akka.TestKit;
using MeshActors.Diagnostics;
using MeshActors.Events.Delivery;
using MeshActors.Events.Envelope;
using MeshActors.Randomness;
using MeshActors.Views.Overlay;
using Microsoft.Extensions.Logging.Abstractions;
using Prometheus;

namespace MeshActors.Tests.Events.Delivery;

/// <summary>One <see cref="EventRouter"/> in a TestKit ActorSystem: its neighbours are probes, the
/// view manager is a probe, and other nodes' signed envelopes are made with their own ephemeral keys.</summary>
internal sealed class RouterRig
{
    public const string Cluster = "events-test";

    private readonly ConcurrentDictionary<string, TestProbe> _peers = new();

    public RouterRig(Akka.TestKit.Xunit2.TestKit kit, EventsOptions? options = null, string nodeId = "n1")
    {
        Kit = kit;
        Options = options ?? new EventsOptions();
        Views = kit.CreateTestProbe("views");
        Metrics = new EventMetrics(Prometheus.Metrics.NewCustomRegistry());
        var identity = EventSigningIdentity.Ephemeral(Cluster, nodeId, TimeProvider.System);
        var settings = new EventRouter.Settings(nodeId, Options, identity, Views.Ref, Metrics, Audit, NullLogger.Instance, TimeProvider.System, peer => Peer(peer.NodeId).Ref);
        Router = kit.Sys.ActorOf(Props.Create(() => new EventRouter(settings)), "events-" + nodeId);
        Events = new MeshEvents(nodeId, Options, TimeProvider.System, new SeededRandomSource(7));
        Events.Attach(Router, Metrics);
        Views.ExpectMsg<SubscribeLinks>();
    }

    public Akka.TestKit.Xunit2.TestKit Kit { get; }

    public EventsOptions Options { get; }

    public TestProbe Views { get; }

    public EventMetrics Metrics { get; }

    public RecordingAudit Audit { get; } = new();

    public IActorRef Router { get; }

    public MeshEvents Events { get; }

    public TestProbe Peer(string nodeId) => _peers.GetOrAdd(nodeId, id => Kit.CreateTestProbe("peer-" + id));

    public static OverlayPeer PeerOf(string nodeId) => new(nodeId, "akka.tcp://" + Cluster + "@127.0.0.1:1");

    /// <summary>Links <paramref name="nodeId"/>'s probe as a neighbour.</summary>
    public TestProbe Link(string nodeId)
    {
        var probe = Peer(nodeId);
        Router.Tell(new OverlayLinkUp(PeerOf(nodeId)));
        return probe;
    }

    public double Dropped(string reason) => Metrics.Dropped.WithLabels(reason).Value;

    /// <summary>Another node that signs its own events.</summary>
    public sealed class Source(string nodeId)
    {
        private readonly EventSigningIdentity _identity = EventSigningIdentity.Ephemeral(Cluster, nodeId, TimeProvider.System);
        private ulong _sequence;

        public string NodeId { get; } = nodeId;

        public byte[] Certificate => _identity.Der;

        public MeshEvent Event(string topic, string text = "x", ulong? sequence = null, EventId? id = null)
        {
            var seq = sequence ?? ++_sequence;
            var unsigned = new MeshEvent(id ?? new EventId((ulong)Random.Shared.NextInt64(), (ulong)Random.Shared.NextInt64()), NodeId, 1, seq, DateTimeOffset.UtcNow, topic, System.Text.Encoding.UTF8.GetBytes(text), SignatureAlgorithm.None, ReadOnlyMemory<byte>.Empty);
            using var signer = new CertificateEventSigner(_identity.Certificate);
            return MeshEventCodec.Sign(unsigned, signer, EnvelopeLimits.Default);
        }

        public EventGossip Gossip(string from, MeshEvent @event, bool attachCertificate = true, byte[]? envelope = null) =>
            new(from, EnvelopeFields.PlumtreeId(@event.Id), 0, envelope ?? MeshEventCodec.Encode(@event, EnvelopeLimits.Default), attachCertificate ? Certificate : ReadOnlyMemory<byte>.Empty);
    }

    public sealed class RecordingAudit : IAuditSink
    {
        public ConcurrentQueue<AuditEvent> Events { get; } = new();

        public void Write(AuditEvent auditEvent) => Events.Enqueue(auditEvent);
    }
}
