using Google.Protobuf;
using MeshActors.Transport;
using MeshActors.Transport.Wire;
using V2 = MeshActors.Tests.Transport.V2;

namespace MeshActors.Tests.Transport;

/// <summary>
/// Version N and N+1 read each other's messages. N+1 only appends fields; N keeps the fields it
/// does not know as unknown fields (Google.Protobuf preserves them, so a message relayed by an
/// older node loses nothing), and N+1 sees N's messages with the new fields at their defaults.
/// </summary>
public sealed class WireVersioningTests
{
    [Fact]
    public void A_newer_message_is_read_by_this_version_and_its_new_field_survives_a_relay()
    {
        var newer = new V2.Probe { Sequence = 9, Note = "from v2" };

        var read = Probe.Parser.ParseFrom(newer.ToByteArray());
        read.Sequence.Should().Be(9);

        var relayed = V2.Probe.Parser.ParseFrom(read.ToByteArray());
        relayed.Note.Should().Be("from v2", "unknown fields are preserved when re-encoded");
    }

    [Fact]
    public void This_versions_message_is_read_by_the_newer_version_with_defaults_for_new_fields()
    {
        var current = new Probe { Sequence = 4, Padding = ByteString.CopyFromUtf8("x") };

        var read = V2.Probe.Parser.ParseFrom(current.ToByteArray());

        read.Sequence.Should().Be(4);
        read.Padding.ToStringUtf8().Should().Be("x");
        read.Note.Should().BeEmpty();
    }

    [Fact]
    public void A_newer_envelope_decodes_here_and_ours_decodes_there()
    {
        var newer = new V2.Envelope
        {
            ProtocolVersion = 2,
            Type = 1,
            Payload = new V2.Probe { Sequence = 5, Note = "n" }.ToByteString(),
            Kind = (uint)EnvelopeKind.OneWay,
            TraceId = "t-1",
        };

        var decoded = EnvelopeCodec.Decode(newer.ToByteArray(), 1024);
        decoded.IsSuccess.Should().BeTrue(decoded.Error);
        decoded.Envelope!.ProtocolVersion.Should().Be(2u, "the sender's version is carried");
        ((Probe)decoded.Payload!).Sequence.Should().Be(5);

        var ours = EnvelopeCodec.Encode(new Probe { Sequence = 6 }, EnvelopeKind.Request, 77, 1);
        var there = V2.Envelope.Parser.ParseFrom(ours);
        there.CorrelationId.Should().Be(77);
        there.TraceId.Should().BeEmpty();
    }
}
