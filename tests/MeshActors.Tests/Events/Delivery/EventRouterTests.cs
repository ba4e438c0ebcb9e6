using System.Text;
using Akka.Actor;
using MeshActors.Events.Delivery;
using MeshActors.Events.Envelope;
using MeshActors.Events.Topics;
using MeshActors.Views.Overlay;

namespace MeshActors.Tests.Events.Delivery;

/// <summary>The event router alone: local publish and delivery, pattern filtering, actor
/// subscribers, relaying, certificates, and what it drops, counts, audits and reports.</summary>
public sealed class EventRouterTests : Akka.TestKit.Xunit2.TestKit
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_local_publish_reaches_a_local_stream_subscriber_through_admission()
    {
        var rig = new RouterRig(this);
        using var cancel = new CancellationTokenSource(Wait);
        var stream = rig.Events.Subscribe("infrastructure.#", cancel.Token).GetAsyncEnumerator(cancel.Token);

        var id = rig.Events.Publish("infrastructure.disk.full", "sda1 at 97%");

        (await stream.MoveNextAsync()).Should().BeTrue();
        stream.Current.Id.Should().Be(id);
        stream.Current.Topic.Should().Be("infrastructure.disk.full");
        stream.Current.Source.Should().Be("n1");
        stream.Current.Local.Should().BeTrue();
        Encoding.UTF8.GetString(stream.Current.Payload.Span).Should().Be("sda1 at 97%");
        rig.Metrics.Published.Value.Should().Be(1);
        await stream.DisposeAsync();
    }

    [Fact]
    public void Only_the_subscriptions_whose_pattern_matches_receive_an_event()
    {
        var rig = new RouterRig(this);
        var infra = CreateTestProbe();
        var deploy = CreateTestProbe();
        using var a = rig.Events.Subscribe("infrastructure.*", infra.Ref);
        using var b = rig.Events.Subscribe("deployment.#", deploy.Ref);

        rig.Events.Publish("infrastructure.disk", "1");
        rig.Events.Publish("infrastructure.disk.full", "2");
        rig.Events.Publish("deployment", "3");
        rig.Events.Publish("deployment.web.rolled-back", "4");

        infra.ExpectMsg<ReceivedEvent>(e => e.Topic == "infrastructure.disk");
        deploy.ExpectMsg<ReceivedEvent>(e => e.Topic == "deployment");
        deploy.ExpectMsg<ReceivedEvent>(e => e.Topic == "deployment.web.rolled-back");
        infra.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public void An_actor_subscriber_stops_receiving_once_disposed_or_stopped()
    {
        var rig = new RouterRig(this);
        var probe = CreateTestProbe();
        var subscription = rig.Events.Subscribe("#", probe.Ref);
        rig.Events.Publish("a.b", "first");
        probe.ExpectMsg<ReceivedEvent>(e => Encoding.UTF8.GetString(e.Payload.Span) == "first");

        subscription.Dispose();
        rig.Events.Publish("a.b", "second");
        probe.ExpectNoMsg(TimeSpan.FromMilliseconds(200));

        var doomed = CreateTestProbe();
        rig.Events.Subscribe("#", doomed.Ref);
        Watch(doomed.Ref);
        doomed.Ref.Tell(PoisonPill.Instance);
        ExpectTerminated(doomed.Ref);
        rig.Events.Publish("a.b", "third"); // delivered to no one, and nothing breaks
        AwaitCondition(() => rig.Metrics.Published.Value == 3, Wait);
    }

    [Fact]
    public void Bad_input_at_publish_names_the_field_and_the_setting()
    {
        var rig = new RouterRig(this, new EventsOptions { MaxPayloadBytes = 8, AllowedTopics = [TopicPattern.Parse("infrastructure.#")] });

        rig.Events.Invoking(e => e.Publish("bad topic", "x")).Should().Throw<ArgumentException>().Which.ParamName.Should().Be("topic");
        rig.Events.Invoking(e => e.Publish("deployment.web", "x")).Should().Throw<ArgumentException>().WithMessage("*meshactors.events.allowed-topics*");
        rig.Events.Invoking(e => e.Publish("infrastructure.disk", "123456789")).Should().Throw<ArgumentException>().WithMessage("*meshactors.events.max-payload-bytes (8)*")
            .Which.ParamName.Should().Be("payload");
        rig.Events.Invoking(e => e.Subscribe("a.#.b", TestActor)).Should().Throw<ArgumentException>().Which.ParamName.Should().Be("pattern");
        rig.Metrics.Published.Value.Should().Be(0);
    }

    [Fact]
    public void A_neighbours_event_is_delivered_and_relayed_with_the_source_certificate_once_per_link()
    {
        var rig = new RouterRig(this);
        var left = rig.Link("n2");
        var right = rig.Link("n3");
        var subscriber = CreateTestProbe();
        rig.Events.Subscribe("infrastructure.*", subscriber.Ref);
        var source = new RouterRig.Source("n2");

        rig.Router.Tell(source.Gossip("n2", source.Event("infrastructure.disk")), left.Ref);
        rig.Router.Tell(source.Gossip("n2", source.Event("deployment.web")), left.Ref);

        subscriber.ExpectMsg<ReceivedEvent>(e => e.Topic == "infrastructure.disk" && e.Source == "n2" && !e.Local);
        var first = right.ExpectMsg<EventGossip>();
        first.SourceCertificate.ToArray().Should().Equal(source.Certificate);
        first.Round.Should().Be(1);
        var second = right.ExpectMsg<EventGossip>();
        second.SourceCertificate.IsEmpty.Should().BeTrue("the link carried n2's certificate already");
        subscriber.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        AwaitCondition(() => rig.Metrics.Relayed.Value == 1 && rig.Metrics.RelayPayloadBytes.Value == second.Envelope.Length, Wait);
    }

    [Fact]
    public void A_tampered_signature_is_dropped_counted_audited_and_its_neighbour_reported()
    {
        var rig = new RouterRig(this);
        var left = rig.Link("n2");
        var right = rig.Link("n3");
        var subscriber = CreateTestProbe();
        rig.Events.Subscribe("#", subscriber.Ref);
        var source = new RouterRig.Source("n2");
        var envelope = MeshEventCodec.Encode(source.Event("infrastructure.disk"), EnvelopeLimits.Default);
        envelope[^1] ^= 0xFF;

        rig.Router.Tell(source.Gossip("n2", source.Event("a"), envelope: envelope) with { Id = EnvelopeFields.PlumtreeId(MeshEventCodec.Decode(envelope, EnvelopeLimits.Default).Event!.Id) }, left.Ref);

        var report = rig.Views.ExpectMsg<OverlayPeerMisbehaved>();
        report.Peer.NodeId.Should().Be("n2");
        report.Reason.Should().StartWith("bad-signature");
        rig.Dropped("bad-signature").Should().Be(1);
        rig.Audit.Events.Should().ContainSingle(a => a.Kind == "event.dropped" && a.Reason == "bad-signature" && a.PeerNodeId == "n2");
        subscriber.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        right.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void A_replayed_sequence_and_a_duplicate_are_dropped_and_counted_apart()
    {
        var rig = new RouterRig(this);
        var left = rig.Link("n2");
        var subscriber = CreateTestProbe();
        rig.Events.Subscribe("#", subscriber.Ref);
        var source = new RouterRig.Source("n2");
        var original = source.Event("a.b", sequence: 5);

        rig.Router.Tell(source.Gossip("n2", original), left.Ref);
        subscriber.ExpectMsg<ReceivedEvent>();
        rig.Router.Tell(source.Gossip("n2", original), left.Ref);
        rig.Router.Tell(source.Gossip("n2", source.Event("a.b", sequence: 5)), left.Ref);

        AwaitCondition(() => rig.Metrics.Duplicates.Value == 1 && rig.Dropped("replayed") == 1, Wait);
        left.FishForMessage(m => m is EventPrune, Wait);
        subscriber.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        rig.Audit.Events.Should().ContainSingle(a => a.Reason == "replayed");
    }

    [Fact]
    public void Malformed_unknown_topic_and_spoofed_messages_are_dropped_by_reason()
    {
        var rig = new RouterRig(this, new EventsOptions { AllowedTopics = [TopicPattern.Parse("infrastructure.#")] });
        var left = rig.Link("n2");
        var source = new RouterRig.Source("n2");

        rig.Router.Tell(new EventGossip("n2", 1, 0, new byte[] { 1, 2, 3 }, ReadOnlyMemory<byte>.Empty), left.Ref);
        rig.Router.Tell(source.Gossip("n2", source.Event("deployment.web")), left.Ref);
        rig.Router.Tell(new EventPrune("n1"), left.Ref);

        AwaitCondition(() => rig.Dropped("malformed") == 1 && rig.Dropped("unknown-topic") == 1 && rig.Dropped("spoofed-sender") == 1, Wait);
        rig.Views.ExpectMsg<OverlayPeerMisbehaved>().Reason.Should().StartWith("malformed");
    }

    [Fact]
    public void An_event_of_an_unknown_source_waits_for_its_certificate_and_is_then_admitted()
    {
        var rig = new RouterRig(this);
        var left = rig.Link("n2");
        var subscriber = CreateTestProbe();
        rig.Events.Subscribe("#", subscriber.Ref);
        var source = new RouterRig.Source("n9");

        rig.Router.Tell(source.Gossip("n2", source.Event("a.b"), attachCertificate: false), left.Ref);

        left.FishForMessage(m => m is EventCertificateMissing { Source: "n9" }, Wait);
        subscriber.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        rig.Router.Tell(new EventCertificate("n2", "n9", source.Certificate), left.Ref);
        subscriber.ExpectMsg<ReceivedEvent>(e => e.Source == "n9");
    }

    [Fact]
    public void A_certificate_naming_another_node_is_refused()
    {
        var rig = new RouterRig(this);
        var left = rig.Link("n2");
        var impostor = new RouterRig.Source("n2");
        var claimed = new RouterRig.Source("n7");

        rig.Router.Tell(claimed.Gossip("n2", claimed.Event("a.b")) with { SourceCertificate = impostor.Certificate }, left.Ref);

        rig.Views.ExpectMsg<OverlayPeerMisbehaved>().Reason.Should().Contain("does not name node n7");
        rig.Dropped("bad-signature").Should().Be(1);
    }

    [Fact]
    public void A_new_link_starts_eager_and_gets_this_nodes_events()
    {
        var rig = new RouterRig(this);
        var peer = rig.Link("n2");

        var id = rig.Events.Publish("a.b", "hello");

        var gossip = peer.ExpectMsg<EventGossip>();
        gossip.From.Should().Be("n1");
        gossip.Id.Should().Be(EnvelopeFields.PlumtreeId(id));
        gossip.SourceCertificate.IsEmpty.Should().BeFalse();
        MeshEventCodec.Decode(gossip.Envelope.Span, EnvelopeLimits.Default).Event!.Sequence.Should().Be(1);
        rig.Metrics.WireMessages.WithLabels("gossip").Value.Should().Be(1);
        rig.Metrics.WireBytes.WithLabels("gossip").Value.Should().Be(EventWireSerializer.SizeOf(gossip));

        rig.Router.Tell(new OverlayLinkDown(RouterRig.PeerOf("n2"), Failed: true));
        rig.Events.Publish("a.b", "after");
        peer.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public void An_announced_event_that_does_not_come_is_grafted_from_its_announcer_and_announcements_are_bounded()
    {
        var rig = new RouterRig(this, new EventsOptions { MissingTimeout = TimeSpan.FromMilliseconds(100), MaxMissing = 2 });
        var peer = rig.Link("n2");

        for (var id = 1; id <= 5; id++)
        {
            rig.Router.Tell(new EventIHave("n2", id, 3), peer.Ref);
        }

        var grafts = new[] { peer.FishForMessage<EventGraft>(_ => true, Wait), peer.FishForMessage<EventGraft>(_ => true, Wait) };
        grafts.Select(g => g.Id).Should().BeEquivalentTo(new long[] { 1, 2 });
        grafts.Should().OnlyContain(g => g.From == "n1" && g.Round == 3);
        rig.Dropped("ihave-flood").Should().Be(3);
    }

    [Fact]
    public async Task A_slow_stream_subscriber_loses_the_oldest_events_and_they_are_counted()
    {
        var rig = new RouterRig(this, new EventsOptions { SubscriberBuffer = 2 });
        using var cancel = new CancellationTokenSource(Wait);
        var stream = rig.Events.Subscribe("#", cancel.Token);
        var probe = CreateTestProbe();
        rig.Events.Subscribe("#", probe.Ref);

        for (var i = 1; i <= 5; i++)
        {
            rig.Events.Publish("a.b", i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        probe.ReceiveN(5, Wait);
        AwaitCondition(() => rig.Metrics.SubscriberDropped.Value == 3, Wait);
        var kept = new List<string>();
        await foreach (var e in stream.WithCancellation(cancel.Token))
        {
            kept.Add(Encoding.UTF8.GetString(e.Payload.Span));
            if (kept.Count == 2)
            {
                break;
            }
        }

        kept.Should().Equal("4", "5");
    }

    [Fact]
    public async Task Stopping_the_node_ends_open_streams_after_what_they_buffered()
    {
        var rig = new RouterRig(this);
        using var cancel = new CancellationTokenSource(Wait);
        var stream = rig.Events.Subscribe("#", cancel.Token);
        var probe = CreateTestProbe();
        rig.Events.Subscribe("#", probe.Ref);
        rig.Events.Publish("a.b", "last");
        probe.ExpectMsg<ReceivedEvent>();

        rig.Events.Complete();

        var seen = new List<string>();
        await foreach (var e in stream.WithCancellation(cancel.Token))
        {
            seen.Add(Encoding.UTF8.GetString(e.Payload.Span));
        }

        seen.Should().Equal("last");
        cancel.IsCancellationRequested.Should().BeFalse("the stream ended because the node stopped, not by the deadline");
    }
}
