using FsCheck;
using FsCheck.Fluent;
using MeshActors.Randomness;
using MeshActors.Views;
using MeshActors.Views.Overlay;
using MeshActors.Views.Wire;
using M = MeshActors.Views.HyParViewMessage<MeshActors.Views.Overlay.OverlayPeer>;

namespace MeshActors.Tests.Views.Wire;

public sealed class OverlayCodecTests
{
    public static TheoryData<int> Kinds() => [.. Enumerable.Range(0, OverlayMessages.OneOfEach().Count())];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_kind_round_trips_field_by_field_and_size_is_the_encoded_length(int index)
    {
        var message = OverlayMessages.OneOfEach().ElementAt(index);

        var bytes = OverlayCodec.Encode(message);
        var result = OverlayCodec.Decode(bytes);

        result.Succeeded.Should().BeTrue(result.Detail);
        Describe(result.Message!).Should().Be(Describe(message));
        OverlayCodec.Size(message).Should().Be(bytes.Length);
        bytes[1].Should().Be((byte)OverlayCodec.KindOf(message));
    }

    [Fact]
    public void The_twelve_kinds_have_twelve_distinct_kind_bytes()
    {
        OverlayMessages.OneOfEach().Select(OverlayCodec.KindOf).Should().OnlyHaveUniqueItems().And.HaveCount(Enum.GetValues<OverlayWireKind>().Length);
    }

    [Fact]
    public void A_ping_has_the_documented_bytes()
    {
        var bytes = OverlayCodec.Encode(new OverlayPing(new OverlayPeer("n1", "akka.tcp://c@h:1"), 0x0102030405060708));

        Convert.ToHexString(bytes).Should().Be("0110" + "02" + "6E31" + "10" + Convert.ToHexString("akka.tcp://c@h:1"u8) + "0102030405060708");
    }

    [Fact]
    public void Random_messages_of_every_kind_round_trip()
    {
        Check.One(PropertySettings.Seeded(9713, 1_000), Prop.ForAll(Arb.From(Gen.Choose(0, int.MaxValue)), seed =>
        {
            var message = OverlayMessages.Random(new SeededRandomSource((ulong)seed));
            var bytes = OverlayCodec.Encode(message);
            var result = OverlayCodec.Decode(bytes);

            result.Succeeded.Should().BeTrue(result.Detail);
            Describe(result.Message!).Should().Be(Describe(message));
            OverlayCodec.Encode(result.Message!).Should().Equal(bytes);
            bytes.Length.Should().Be(OverlayCodec.Size(message)).And.BeLessThanOrEqualTo(OverlayCodec.MaxMessageBytes);
        }));
    }

    [Theory]
    [InlineData("", OverlayDecodeFailure.Truncated)]
    [InlineData("01", OverlayDecodeFailure.Truncated)]
    [InlineData("0210", OverlayDecodeFailure.UnsupportedVersion)]
    [InlineData("0109", OverlayDecodeFailure.UnknownKind)]
    [InlineData("010100", OverlayDecodeFailure.BadString)]
    [InlineData("0101022D61", OverlayDecodeFailure.BadString)]
    [InlineData("0101016101", OverlayDecodeFailure.Truncated)]
    [InlineData("010101610120", OverlayDecodeFailure.BadString)]
    [InlineData("0101016100", OverlayDecodeFailure.BadString)]
    [InlineData("010101610141", OverlayDecodeFailure.None)]
    [InlineData("01010161014100", OverlayDecodeFailure.TrailingBytes)]
    [InlineData("01040161014102", OverlayDecodeFailure.BadValue)]
    [InlineData("01050161014101", OverlayDecodeFailure.None)]
    [InlineData("01050161014107", OverlayDecodeFailure.BadValue)]
    [InlineData("0108016101417F", OverlayDecodeFailure.TooManyEntries)]
    [InlineData("01080161014140", OverlayDecodeFailure.BadCount)]
    [InlineData("0108016101410102626201", OverlayDecodeFailure.Truncated)]
    [InlineData("01080161014101016201", OverlayDecodeFailure.BadCount)]
    [InlineData("0108016101410101620142", OverlayDecodeFailure.None)]
    [InlineData("0113016101410001016201420000000000000000" + "7FF0000000000000", OverlayDecodeFailure.BadValue)]
    [InlineData("0113016101410201", OverlayDecodeFailure.BadValue)]
    [InlineData("011001610141000000", OverlayDecodeFailure.Truncated)]
    public void Bad_input_is_refused_with_its_reason(string hex, OverlayDecodeFailure expected)
    {
        var result = OverlayCodec.Decode(Convert.FromHexString(hex));

        result.Failure.Should().Be(expected, result.Detail);
        (result.Detail.Length > 0).Should().Be(expected != OverlayDecodeFailure.None);
    }

    [Fact]
    public void Input_longer_than_the_longest_message_is_refused_unread()
    {
        OverlayCodec.Decode(new byte[OverlayCodec.MaxMessageBytes + 1]).Failure.Should().Be(OverlayDecodeFailure.Oversized);
    }

    [Fact]
    public void The_longest_message_fits_the_cap_exactly()
    {
        var from = new OverlayPeer(new string('a', 64), new string('b', 255));
        var entries = Enumerable.Repeat(new PexEntry(from.NodeId, from.Address, 1, 1), OverlayCodec.MaxEntries);

        OverlayCodec.Encode(new PexResponse(from, [.. entries], false)).Length.Should().Be(OverlayCodec.MaxMessageBytes);
    }

    private static readonly IOverlayWire[] Unencodable =
    [
        new OverlayPing(new OverlayPeer("-bad", "akka.tcp://c@h:1"), 1),
        new OverlayPing(new OverlayPeer(new string('a', 65), "akka.tcp://c@h:1"), 1),
        new OverlayPing(new OverlayPeer("n1", "akka.tcp://c@h :1"), 1),
        new OverlayPing(new OverlayPeer("n1", "akka.tcp://c@hé:1"), 1),
        new OverlayPing(new OverlayPeer("n1", new string('a', 256)), 1),
        new OverlayPing(new OverlayPeer("n1", ""), 1),
        new ViewEnvelope(OverlayMessages.A, new M.ShuffleReply([.. Enumerable.Repeat(OverlayMessages.B, 65)])),
        new ViewEnvelope(OverlayMessages.A, new M.Neighbor((NeighborPriority)7)),
        new PexResponse(OverlayMessages.A, [new PexEntry("n1", "a", 0, double.NaN)], false),
    ];

    public static TheoryData<int> UnencodableCases() => [.. Enumerable.Range(0, Unencodable.Length)];

    [Theory]
    [MemberData(nameof(UnencodableCases))]
    public void A_message_that_breaks_the_layout_is_an_argument_error(int index)
    {
        FluentActions.Invoking(() => OverlayCodec.Encode(Unencodable[index])).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => OverlayCodec.Size(Unencodable[index])).Should().Throw<ArgumentException>();
    }

    /// <summary>Every field as text: records holding <c>ImmutableArray</c> compare by reference, so equality cannot say it.</summary>
    internal static string Describe(IOverlayWire message) => message switch
    {
        ViewEnvelope { Message: M.Shuffle s } v => $"Shuffle {v.From} {s.Origin} {s.TimeToLive} [{string.Join(", ", s.Sample)}]",
        ViewEnvelope { Message: M.ShuffleReply s } v => $"ShuffleReply {v.From} [{string.Join(", ", s.Sample)}]",
        ViewEnvelope v => $"{v.From} {v.Message}",
        PexResponse p => $"Pex {p.From} {p.Refused} [{string.Join(", ", p.Peers)}]",
        _ => message.ToString()!,
    };
}
