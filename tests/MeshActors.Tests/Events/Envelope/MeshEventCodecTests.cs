using System.Buffers.Binary;
using MeshActors.Events.Envelope;
using MeshActors.Tests.Security;

namespace MeshActors.Tests.Events.Envelope;

public sealed class MeshEventCodecTests
{
    /// <summary>The byte layout of the README, pinned: a change here breaks every other node's signatures.</summary>
    [Fact]
    public void Encoding_follows_the_documented_layout()
    {
        var expected =
            "4D45" + "01" + "00" +                    // magic "ME", version 1, flags 0
            "00112233445566778899AABBCCDDEEFF" +      // event id
            "0000000000000007" +                      // incarnation 7
            "0000000000000002" +                      // sequence 2
            "000001BBE6F92600" +                      // 2030-06-01T12:00:00Z in Unix ms
            "06" + "6E6F64652D31" +                   // source "node-1"
            "0A" + "696E6672612E6469736B" +           // topic "infra.disk"
            "00000003" + "010203" +                   // payload
            "01" +                                    // ECDSA SHA-256; the signed bytes end here
            "0004" + "DEADBEEF";                      // signature
        Convert.ToHexString(TestEvents.Encoded()).Should().Be(expected);
        Convert.ToHexString(MeshEventCodec.SignedBytes(TestEvents.Signed(), EnvelopeLimits.Default)).Should().Be(expected[..^12]);
    }

    [Fact]
    public void Decode_inverts_encode()
    {
        var original = TestEvents.Signed(payload: [.. Enumerable.Range(0, 300).Select(i => (byte)i)]);
        var bytes = TestEvents.Encoded(original);
        var decoded = MeshEventCodec.Decode(bytes, EnvelopeLimits.Default);
        decoded.Succeeded.Should().BeTrue(decoded.Detail);
        decoded.Failure.Should().Be(DecodeFailure.None);
        var e = decoded.Event!;
        (e.Id, e.Source, e.Incarnation, e.Sequence, e.Timestamp, e.Topic, e.Algorithm).Should().Be(
            (original.Id, original.Source, original.Incarnation, original.Sequence, original.Timestamp, original.Topic, original.Algorithm));
        e.Payload.ToArray().Should().Equal(original.Payload.ToArray());
        e.Signature.ToArray().Should().Equal(original.Signature.ToArray());
        MeshEventCodec.Encode(e, EnvelopeLimits.Default).Should().Equal(bytes);
    }

    public static TheoryData<string, Func<byte[], byte[]>, DecodeFailure> Corruptions => new()
    {
        { "empty", _ => [], DecodeFailure.Truncated },
        { "bad magic", b => Set(b, 0, (byte)'X'), DecodeFailure.BadMagic },
        { "version 2", b => Set(b, 2, 2), DecodeFailure.UnsupportedVersion },
        { "flags set", b => Set(b, 3, 0x80), DecodeFailure.ReservedFlagsSet },
        { "sequence 0", b => Write64(b, 28, 0), DecodeFailure.BadSequence },
        { "timestamp past year 9999", b => Write64(b, 36, long.MaxValue), DecodeFailure.BadTimestamp },
        { "timestamp before year 1", b => Write64(b, 36, unchecked((ulong)long.MinValue)), DecodeFailure.BadTimestamp },
        { "empty source", b => [.. b[..44], 0, .. b[51..]], DecodeFailure.BadSource },
        { "source with a space", b => Set(b, 46, (byte)' '), DecodeFailure.BadSource },
        { "source not ASCII", b => Set(b, 46, 0xC3), DecodeFailure.BadSource },
        { "source of 65 bytes", b => [.. b[..44], 65, .. Enumerable.Repeat((byte)'a', 65), .. b[51..]], DecodeFailure.BadSource },
        { "topic with empty segment", b => Set(b, 56, (byte)'.'), DecodeFailure.BadTopic },
        { "topic not ASCII", b => Set(b, 56, 0xFF), DecodeFailure.BadTopic },
        { "payload over the cap", b => Write32(b, 62, EnvelopeLimits.DefaultMaxPayloadBytes + 1), DecodeFailure.PayloadTooLarge },
        { "payload length 4 GiB", b => Write32(b, 62, uint.MaxValue), DecodeFailure.PayloadTooLarge },
        { "payload longer than the input", b => Write32(b, 62, 1000), DecodeFailure.Truncated },
        { "algorithm 0 (unsigned)", b => Set(b, 69, 0), DecodeFailure.UnknownAlgorithm },
        { "algorithm 9", b => Set(b, 69, 9), DecodeFailure.UnknownAlgorithm },
        { "signature length 0", b => [.. b[..70], 0, 0], DecodeFailure.BadSignatureLength },
        { "signature length 513", b => Write16(b, 70, 513), DecodeFailure.BadSignatureLength },
        { "signature cut short", b => b[..^1], DecodeFailure.Truncated },
        { "a trailing byte", b => [.. b, 0], DecodeFailure.TrailingBytes },
        { "longer than any envelope", b => new byte[EnvelopeLimits.Default.MaxEnvelopeBytes + 1], DecodeFailure.EnvelopeTooLarge },
    };

    [Theory]
    [MemberData(nameof(Corruptions))]
    public void Malformed_input_is_refused_with_its_reason(string name, Func<byte[], byte[]> corrupt, DecodeFailure failure)
    {
        var result = MeshEventCodec.Decode(corrupt(TestEvents.Encoded()), EnvelopeLimits.Default);
        result.Succeeded.Should().BeFalse(name);
        result.Event.Should().BeNull();
        result.Failure.Should().Be(failure, name);
        result.Detail.Should().NotBeNullOrWhiteSpace();
    }

    [Fact]
    public void Every_strict_prefix_is_truncated()
    {
        var bytes = TestEvents.Encoded();
        for (var length = 0; length < bytes.Length; length++)
        {
            MeshEventCodec.Decode(bytes.AsSpan(0, length), EnvelopeLimits.Default).Failure.Should().Be(DecodeFailure.Truncated, $"prefix of {length}");
        }
    }

    [Fact]
    public void The_payload_cap_is_configurable_and_applies_both_ways()
    {
        var small = new EnvelopeLimits(MaxPayloadBytes: 2);
        MeshEventCodec.Decode(TestEvents.Encoded(), small).Failure.Should().Be(DecodeFailure.PayloadTooLarge);
        var encode = () => MeshEventCodec.Encode(TestEvents.Signed(), small);
        encode.Should().Throw<ArgumentException>().WithMessage("the payload has 3 bytes, more than the 2 allowed*");
        new EnvelopeLimits(-1).Validate().Should().ContainSingle().Which.Should().StartWith("MaxPayloadBytes is -1");
        new EnvelopeLimits(EnvelopeLimits.PayloadCeiling + 1).Validate().Should().ContainSingle();
        EnvelopeLimits.Default.Validate().Should().BeEmpty();
        EnvelopeLimits.Default.MaxEnvelopeBytes.Should().Be(53 + 64 + 255 + 65_536 + 512);
    }

    [Fact]
    public void Encode_refuses_what_decode_would_refuse()
    {
        var unsigned = () => MeshEventCodec.Encode(TestEvents.Unsigned(), EnvelopeLimits.Default);
        unsigned.Should().Throw<ArgumentException>().WithMessage("the event is not signed*");
        var badTopic = () => MeshEventCodec.Encode(TestEvents.Signed() with { Topic = "a.*" }, EnvelopeLimits.Default);
        badTopic.Should().Throw<ArgumentException>().WithMessage("*not a topic name*");
        var badSource = () => MeshEventCodec.Encode(TestEvents.Signed() with { Source = "no spaces" }, EnvelopeLimits.Default);
        badSource.Should().Throw<ArgumentException>().WithMessage("*not a valid id*");
        var zero = () => MeshEventCodec.Encode(TestEvents.Signed() with { Sequence = 0 }, EnvelopeLimits.Default);
        zero.Should().Throw<ArgumentException>().WithMessage("sequence numbers start at 1*");
    }

    [Fact]
    public void Timestamps_travel_to_the_millisecond()
    {
        var at = TestPki.Now.AddTicks(12_345);
        var decoded = MeshEventCodec.Decode(TestEvents.Encoded(TestEvents.Signed(at: at)), EnvelopeLimits.Default);
        decoded.Event!.Timestamp.Should().Be(TestPki.Now.AddMilliseconds(1));
    }

    [Fact]
    public void Event_ids_print_as_hex_and_come_from_the_random_source()
    {
        TestEvents.Id.ToString().Should().Be("00112233445566778899aabbccddeeff");
        var a = EventId.New(new MeshActors.Randomness.SeededRandomSource(5));
        var b = EventId.New(new MeshActors.Randomness.SeededRandomSource(5));
        a.Should().Be(b);
        EventId.New(new MeshActors.Randomness.SeededRandomSource(6)).Should().NotBe(a);
    }

    private static byte[] Set(byte[] bytes, int at, byte value)
    {
        bytes[at] = value;
        return bytes;
    }

    private static byte[] Write16(byte[] bytes, int at, ushort value)
    {
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(at), value);
        return bytes;
    }

    private static byte[] Write32(byte[] bytes, int at, uint value)
    {
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(at), value);
        return bytes;
    }

    private static byte[] Write64(byte[] bytes, int at, ulong value)
    {
        BinaryPrimitives.WriteUInt64BigEndian(bytes.AsSpan(at), value);
        return bytes;
    }
}
