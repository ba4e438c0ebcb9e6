using System.Runtime.Serialization;
using Akka.Actor;
using Akka.Configuration;
using MeshActors.Events.Delivery;
using MeshActors.Hosting;

namespace MeshActors.Tests.Events.Delivery;

/// <summary>The event wire's binary serializer: round trips, Akka's registration, and bounded decoding of hostile input.</summary>
public sealed class EventWireSerializerTests
{
    private static readonly IEventWire[] Samples =
    [
        new EventGossip("n-1", long.MinValue, 3, new byte[] { 1, 2, 3 }, new byte[] { 9, 8 }),
        new EventGossip("node.with-dots_1", 42, 0, new byte[100], ReadOnlyMemory<byte>.Empty),
        new EventIHave("a", -1, int.MaxValue),
        new EventIHaveBatch("a", [new(1, 0), new(-5, 7), new(long.MaxValue, int.MaxValue)]),
        new EventGraft("b", 7, 1),
        new EventPrune("c"),
        new EventCertificateMissing("d", "source-1"),
        new EventCertificate("e", "source-2", new byte[] { 0x30, 0x82 }),
    ];

    public static TheoryData<IEventWire> Messages() => new(Samples);

    [Theory]
    [MemberData(nameof(Messages))]
    public void Every_message_round_trips_at_its_announced_size(IEventWire message)
    {
        var bytes = EventWireSerializer.Encode(message);
        bytes.Length.Should().Be(EventWireSerializer.SizeOf(message));
        var manifest = ManifestOf(message);

        var back = EventWireSerializer.Decode(bytes, manifest);

        back.GetType().Should().Be(message.GetType());
        EventWireSerializer.Encode(back).Should().Equal(bytes);
    }

    [Fact]
    public void A_gossip_costs_29_bytes_plus_the_sender_id_envelope_and_certificate()
    {
        var gossip = new EventGossip("node-1", 1, 0, new byte[200], new byte[500]);

        EventWireSerializer.SizeOf(gossip).Should().Be(1 + 6 + 8 + 4 + 4 + 200 + 2 + 500);
        EventWireSerializer.SizeOf(new EventIHave("node-1", 1, 0)).Should().Be(19);
    }

    [Theory]
    [InlineData("x", "unknown manifest")]
    [InlineData("g", "ends in its")]
    public void Bad_input_throws_a_serialization_exception_naming_the_problem(string manifest, string expected)
    {
        var truncated = EventWireSerializer.Encode(new EventGossip("n1", 1, 0, new byte[10], ReadOnlyMemory<byte>.Empty))[..20];

        var act = () => EventWireSerializer.Decode(truncated, manifest);

        act.Should().Throw<SerializationException>().WithMessage($"*{expected}*");
    }

    [Fact]
    public void Lengths_beyond_the_caps_ids_that_are_not_node_ids_negative_rounds_and_trailing_bytes_are_refused()
    {
        byte[] hugeEnvelope = [1, (byte)'a', 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0x7F, 0xFF, 0xFF, 0xFF];
        byte[] badId = [2, (byte)' ', (byte)'x'];
        byte[] negativeRound = [1, (byte)'a', 0, 0, 0, 0, 0, 0, 0, 1, 0xFF, 0xFF, 0xFF, 0xFF];
        var trailing = EventWireSerializer.Encode(new EventPrune("a")).Append((byte)0).ToArray();

        FluentActions.Invoking(() => EventWireSerializer.Decode(hugeEnvelope, "g")).Should().Throw<SerializationException>().WithMessage("*envelope length 2147483647*");
        FluentActions.Invoking(() => EventWireSerializer.Decode(badId, "p")).Should().Throw<SerializationException>().WithMessage("*is not a node id*");
        FluentActions.Invoking(() => EventWireSerializer.Decode(negativeRound, "h")).Should().Throw<SerializationException>().WithMessage("*round -1*");
        FluentActions.Invoking(() => EventWireSerializer.Decode(trailing, "p")).Should().Throw<SerializationException>().WithMessage("*1 bytes follow*");
    }

    [Fact]
    public void A_batch_of_n_announcements_costs_3_bytes_plus_the_sender_id_plus_12_per_announcement_and_holds_2_to_256()
    {
        var batch = new EventIHaveBatch("node-1", [.. Enumerable.Range(0, 10).Select(i => new EventAnnouncement(i, 1))]);
        EventWireSerializer.SizeOf(batch).Should().Be(1 + 6 + 2 + (12 * 10));

        byte[] one = [1, (byte)'a', 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0];
        byte[] tooMany = [1, (byte)'a', 1, 1];
        FluentActions.Invoking(() => EventWireSerializer.Decode(one, "b")).Should().Throw<SerializationException>().WithMessage("*1 announcements*2 to 256*");
        FluentActions.Invoking(() => EventWireSerializer.Decode(tooMany, "b")).Should().Throw<SerializationException>().WithMessage("*257 announcements*");
    }

    [Fact]
    public void Random_mutations_of_valid_messages_decode_or_throw_only_serialization_exceptions()
    {
        var random = new Random(9714);
        var seeds = Samples;
        for (var i = 0; i < 100_000; i++)
        {
            var message = seeds[random.Next(seeds.Length)];
            var bytes = EventWireSerializer.Encode(message);
            var mutated = random.Next(3) switch
            {
                0 => bytes[..random.Next(bytes.Length + 1)],
                1 => Flip(bytes, random),
                _ => RandomBytes(random),
            };
            try
            {
                var decoded = EventWireSerializer.Decode(mutated, ManifestOf(message));
                EventWireSerializer.SizeOf(decoded).Should().Be(mutated.Length);
            }
            catch (SerializationException)
            {
            }
        }
    }

    [Fact]
    public void Akka_picks_the_serializer_from_the_akka_settings_a_node_writes()
    {
        var hocon = AkkaSettings.Hocon(MeshActors.Configuration.MeshConfigLoader.Load(new MeshActors.Configuration.ConfigSources()).Options);
        var config = ConfigurationFactory.ParseString(hocon);
        config.GetString("akka.actor.serializers.mesh-events").Should().Be("MeshActors.Events.Delivery.EventWireSerializer, MeshActors");
        using var system = ActorSystem.Create("wire", ConfigurationFactory.ParseString("akka.actor.serializers.mesh-events = \"MeshActors.Events.Delivery.EventWireSerializer, MeshActors\"\nakka.actor.serialization-bindings.\"MeshActors.Events.Delivery.IEventWire, MeshActors\" = mesh-events"));

        var serializer = system.Serialization.FindSerializerFor(new EventPrune("a"));

        serializer.Should().BeOfType<EventWireSerializer>().Which.Identifier.Should().Be(9714);
        Akka.Serialization.Serialization.WithTransport((ExtendedActorSystem)system, () => system.Serialization.Deserialize(serializer.ToBinary(new EventIHave("a", 5, 2)), 9714, "h"))
            .Should().Be(new EventIHave("a", 5, 2));
    }

    private static string ManifestOf(IEventWire message) => message switch
    {
        EventGossip => "g",
        EventIHave => "h",
        EventIHaveBatch => "b",
        EventGraft => "r",
        EventPrune => "p",
        EventCertificateMissing => "m",
        _ => "c",
    };

    private static byte[] Flip(byte[] bytes, Random random)
    {
        var copy = bytes.ToArray();
        copy[random.Next(copy.Length)] ^= (byte)(1 << random.Next(8));
        return copy;
    }

    private static byte[] RandomBytes(Random random)
    {
        var bytes = new byte[random.Next(64)];
        random.NextBytes(bytes);
        return bytes;
    }
}
