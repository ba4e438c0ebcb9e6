using System.Diagnostics;
using System.Text;
using Akka.Actor;
using MeshActors.Events.Delivery;
using MeshActors.Events.Envelope;
using MeshActors.Views.Overlay;

namespace MeshActors.Tests.Events.Delivery;

/// <summary>
/// Five routers in five ActorSystems over real Akka.Remote on loopback, linked by hand in a line
/// n0 – n1 – n2 – n3 – n4: events reach exactly the subscribers, non-subscribers relay them, and a
/// tampered or replayed event is dropped where it enters. Waits are on conditions with a deadline.
/// Plain TCP with ephemeral signing keys here; <see cref="EventMeshTlsTests"/> runs the same over mutual TLS.
/// </summary>
public class EventMeshTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private LinkedRouters _mesh = null!;

    /// <summary>The five routers.</summary>
    internal LinkedRouters Mesh => _mesh;

    /// <summary>Where certificates go when the systems run mutual TLS; null for plain TCP.</summary>
    protected virtual string? TlsDir => null;

    public async Task InitializeAsync()
    {
        _mesh = await LinkedRouters.StartAsync(5, tlsDir: TlsDir);
        for (var i = 0; i < 4; i++)
        {
            _mesh.Link(i, i + 1);
        }
    }

    public virtual async Task DisposeAsync() => await _mesh.DisposeAsync();

    [Fact]
    public async Task An_event_published_at_one_end_reaches_exactly_the_subscribers_and_is_relayed_by_the_others()
    {
        var n = _mesh.Nodes;
        var at1 = n[1].Subscribe("alerts.#");
        var at4 = n[4].Subscribe("alerts.*");
        var at2 = n[2].Subscribe("deployment.#");
        var self = n[0].Subscribe("alerts.disk");

        var id = n[0].Events.Publish("alerts.disk", "sda1 full");

        await Until("n1 and n4 receive the event", () => at1.Of<ReceivedEvent>().Count == 1 && at4.Of<ReceivedEvent>().Count == 1);
        var received = at4.Of<ReceivedEvent>().Single();
        (received.Id, received.Source, received.Local, Encoding.UTF8.GetString(received.Payload.Span)).Should().Be((id, "n0", false, "sda1 full"));
        self.Of<ReceivedEvent>().Should().ContainSingle().Which.Local.Should().BeTrue();
        await Until("n2 and n3 relayed it", () => n[2].Metrics.Relayed.Value == 1 && n[3].Metrics.Relayed.Value == 1);
        at2.Of<ReceivedEvent>().Should().BeEmpty();
        n[2].Metrics.RelayPayloadBytes.Value.Should().BeGreaterThan(0);
        n.Sum(x => x.Metrics.Dropped.WithLabels("bad-signature").Value).Should().Be(0);

        // A second event: still exactly once each (the line is a tree; nothing is duplicated).
        n[0].Events.Publish("alerts.net", "eth0 down");
        await Until("n4 receives the second event", () => at4.Of<ReceivedEvent>().Count == 2);
        at1.Of<ReceivedEvent>().Should().HaveCount(2);
        n.Sum(x => x.Metrics.Duplicates.Value).Should().Be(0);
    }

    [Fact]
    public async Task A_tampered_signature_is_dropped_counted_and_its_sender_reported_and_goes_no_further()
    {
        var n = _mesh.Nodes;
        var at2 = n[2].Subscribe("#");
        var forger = n[4].System.ActorOf(Props.Create(() => new LinkedRouters.Collector()));
        var envelope = MeshEventCodec.Encode(Signed(n[4], "alerts.disk", sequence: 1), EnvelopeLimits.Default);
        envelope[^3] ^= 0x55;
        var id = EnvelopeFields.PlumtreeId(MeshEventCodec.Decode(envelope, EnvelopeLimits.Default).Event!.Id);

        n[4].System.ActorSelection(n[3].Peer.Address + "/user/mesh/events").Tell(new EventGossip("n4", id, 0, envelope, n[4].Identity.Der), forger);

        await Until("n3 drops it as bad-signature", () => n[3].Metrics.Dropped.WithLabels("bad-signature").Value == 1);
        await Until("n3 reports n4 to its view manager", () => n[3].ViewsBox.Of<OverlayPeerMisbehaved>().Any(m => m.Peer == n[4].Peer));
        n[3].Audit.Events.Should().Contain(a => a.Reason == "bad-signature" && a.PeerNodeId == "n4");
        n[2].Metrics.WireMessages.WithLabels("gossip").Value.Should().Be(0);
        at2.Of<ReceivedEvent>().Should().BeEmpty();
    }

    [Fact]
    public async Task A_replayed_event_is_dropped_where_it_enters()
    {
        var n = _mesh.Nodes;
        var at0 = n[0].Subscribe("#");
        var sender = n[4].System.ActorOf(Props.Create(() => new LinkedRouters.Collector()));
        var router3 = n[4].System.ActorSelection(n[3].Peer.Address + "/user/mesh/events");
        var original = Signed(n[4], "alerts.disk", sequence: 1);
        var replay = Signed(n[4], "alerts.disk", sequence: 1);

        router3.Tell(Gossip(original, n[4]), sender);
        await Until("n0 receives the original", () => at0.Of<ReceivedEvent>().Count == 1);
        router3.Tell(Gossip(replay, n[4]), sender);
        router3.Tell(Gossip(original, n[4]), sender);

        await Until("n3 drops the replay and counts the copy", () => n[3].Metrics.Dropped.WithLabels("replayed").Value == 1 && n[3].Metrics.Duplicates.Value == 1);
        n[3].Audit.Events.Should().Contain(a => a.Reason == "replayed");
        at0.Of<ReceivedEvent>().Should().ContainSingle();
    }

    private static MeshEvent Signed(LinkedRouters.Node source, string topic, ulong sequence)
    {
        var unsigned = new MeshEvent(new EventId((ulong)Random.Shared.NextInt64(), (ulong)Random.Shared.NextInt64()), source.Id, 1, sequence, DateTimeOffset.UtcNow, topic, "replayable"u8.ToArray(), SignatureAlgorithm.None, ReadOnlyMemory<byte>.Empty);
        using var signer = new CertificateEventSigner(source.Identity.Certificate);
        return MeshEventCodec.Sign(unsigned, signer, EnvelopeLimits.Default);
    }

    private static EventGossip Gossip(MeshEvent @event, LinkedRouters.Node from) =>
        new(from.Id, EnvelopeFields.PlumtreeId(@event.Id), 0, MeshEventCodec.Encode(@event, EnvelopeLimits.Default), from.Identity.Der);

    private static async Task Until(string what, Func<bool> condition)
    {
        var clock = Stopwatch.StartNew();
        using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(20));
        while (!condition())
        {
            clock.Elapsed.Should().BeLessThan(Deadline, what);
            await poll.WaitForNextTickAsync();
        }
    }
}
