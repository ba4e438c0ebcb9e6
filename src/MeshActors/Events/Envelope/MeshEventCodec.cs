using System.Buffers.Binary;
using System.Text;
using MeshActors.Events.Topics;
using MeshActors.Security;

namespace MeshActors.Events.Envelope;

/// <summary>
/// The binary envelope of a <see cref="MeshEvent"/> (layout in this folder's README): big-endian
/// fixed fields, length-prefixed strings and payload, then the algorithm, which ends the signed
/// bytes, then the length-prefixed signature. Each value has exactly one encoding, so the bytes a
/// verifier rebuilds from a decoded event are the bytes the publisher signed. <see cref="Decode"/>
/// never throws: it checks every length against <see cref="EnvelopeLimits"/> and the bytes left
/// before it allocates, and says why it refused.
/// </summary>
public static class MeshEventCodec
{
    /// <summary>The two bytes every envelope starts with, ASCII <c>ME</c>.</summary>
    public static ReadOnlySpan<byte> Magic => "ME"u8;

    /// <summary>The envelope version this codec writes and reads.</summary>
    public const byte Version = 1;

    /// <summary>The bytes the signature covers: the envelope up to and including the algorithm byte.</summary>
    /// <exception cref="ArgumentException">A field breaks the envelope's rules or <paramref name="limits"/>.</exception>
    public static byte[] SignedBytes(MeshEvent @event, EnvelopeLimits limits)
    {
        var (source, topic) = Check(@event, limits, requireSignature: false);
        var buffer = new byte[SignedLength(source, topic, @event.Payload.Length)];
        WriteSigned(buffer, @event, source, topic);
        return buffer;
    }

    /// <summary><paramref name="event"/> signed by <paramref name="signer"/>: its algorithm and signature replaced.</summary>
    /// <exception cref="ArgumentException">A field breaks the envelope's rules or <paramref name="limits"/>, or the signer produced an unusable signature.</exception>
    public static MeshEvent Sign(MeshEvent @event, IEventSigner signer, EnvelopeLimits limits)
    {
        ArgumentNullException.ThrowIfNull(signer);
        var unsigned = @event with { Algorithm = signer.Algorithm, Signature = ReadOnlyMemory<byte>.Empty };
        return unsigned with { Signature = signer.Sign(SignedBytes(unsigned, limits)) };
    }

    /// <summary>The envelope of a signed event.</summary>
    /// <exception cref="ArgumentException">A field breaks the envelope's rules or <paramref name="limits"/>, or the event is not signed.</exception>
    public static byte[] Encode(MeshEvent @event, EnvelopeLimits limits)
    {
        var (source, topic) = Check(@event, limits, requireSignature: true);
        var signedLength = SignedLength(source, topic, @event.Payload.Length);
        var buffer = new byte[signedLength + 2 + @event.Signature.Length];
        WriteSigned(buffer, @event, source, topic);
        BinaryPrimitives.WriteUInt16BigEndian(buffer.AsSpan(signedLength), (ushort)@event.Signature.Length);
        @event.Signature.Span.CopyTo(buffer.AsSpan(signedLength + 2));
        return buffer;
    }

    /// <summary>Reads an envelope. Never throws for any input; a refusal names the field at fault.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="limits"/> is null.</exception>
    public static DecodeResult Decode(ReadOnlySpan<byte> input, EnvelopeLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        if (input.Length > limits.MaxEnvelopeBytes)
        {
            return DecodeResult.Fail(DecodeFailure.EnvelopeTooLarge, $"the envelope has {input.Length} bytes, more than the {limits.MaxEnvelopeBytes} the limits allow");
        }

        var reader = new EnvelopeReader(input);
        if (!reader.TryTake(Magic.Length, out var magic) || !reader.TryByte(out var version) || !reader.TryByte(out var flags))
        {
            return Truncated("header", input.Length);
        }

        if (!magic.SequenceEqual(Magic))
        {
            return DecodeResult.Fail(DecodeFailure.BadMagic, $"the envelope starts with 0x{Convert.ToHexString(magic)}, not 0x4D45 (\"ME\")");
        }

        if (version != Version)
        {
            return DecodeResult.Fail(DecodeFailure.UnsupportedVersion, $"envelope version {version}; this node reads version {Version}");
        }

        if (flags != 0)
        {
            return DecodeResult.Fail(DecodeFailure.ReservedFlagsSet, $"reserved flags 0x{flags:X2} are set");
        }

        if (!reader.TryTake(EventId.Size, out var id) || !reader.TryUInt64(out var incarnation) || !reader.TryUInt64(out var sequence) || !reader.TryUInt64(out var millis))
        {
            return Truncated("fixed fields", input.Length);
        }

        if (sequence == 0)
        {
            return DecodeResult.Fail(DecodeFailure.BadSequence, "sequence number 0; sequences start at 1");
        }

        var unixMs = unchecked((long)millis);
        if (unixMs < MinUnixMs || unixMs > MaxUnixMs)
        {
            return DecodeResult.Fail(DecodeFailure.BadTimestamp, $"timestamp {unixMs} ms is outside the range of a date");
        }

        if (!reader.TryByte(out var sourceLength) || !reader.TryTake(sourceLength, out var sourceBytes))
        {
            return Truncated("source", input.Length);
        }

        var source = sourceLength <= EnvelopeLimits.MaxSourceBytes && Ascii.IsValid(sourceBytes) ? Encoding.ASCII.GetString(sourceBytes) : null;
        if (!MeshIdentity.IsValidId(source))
        {
            return DecodeResult.Fail(DecodeFailure.BadSource, $"the source ({sourceLength} bytes) is not a node id ({MeshIdentity.IdRule})");
        }

        if (!reader.TryByte(out var topicLength) || !reader.TryTake(topicLength, out var topicBytes))
        {
            return Truncated("topic", input.Length);
        }

        var topic = Ascii.IsValid(topicBytes) ? Encoding.ASCII.GetString(topicBytes) : null;
        var topicProblem = topic is null ? "it is not ASCII" : TopicName.Problem(topic);
        if (topicProblem is not null)
        {
            return DecodeResult.Fail(DecodeFailure.BadTopic, $"the topic is not a topic name: {topicProblem}");
        }

        if (!reader.TryUInt32(out var payloadLength))
        {
            return Truncated("payload length", input.Length);
        }

        if (payloadLength > (uint)limits.MaxPayloadBytes)
        {
            return DecodeResult.Fail(DecodeFailure.PayloadTooLarge, $"the payload has {payloadLength} bytes, more than the {limits.MaxPayloadBytes} allowed");
        }

        if (!reader.TryTake((int)payloadLength, out var payload) || !reader.TryByte(out var algorithm))
        {
            return Truncated("payload", input.Length);
        }

        if (algorithm is not ((byte)SignatureAlgorithm.EcdsaSha256 or (byte)SignatureAlgorithm.RsaPssSha256))
        {
            return DecodeResult.Fail(DecodeFailure.UnknownAlgorithm, $"signature algorithm {algorithm} is not one of 1 (ECDSA SHA-256) or 2 (RSA-PSS SHA-256)");
        }

        if (!reader.TryUInt16(out var signatureLength))
        {
            return Truncated("signature length", input.Length);
        }

        if (signatureLength is 0 or > EnvelopeLimits.MaxSignatureBytes)
        {
            return DecodeResult.Fail(DecodeFailure.BadSignatureLength, $"the signature has {signatureLength} bytes; expected 1 to {EnvelopeLimits.MaxSignatureBytes}");
        }

        if (!reader.TryTake(signatureLength, out var signature))
        {
            return Truncated("signature", input.Length);
        }

        if (reader.Remaining > 0)
        {
            return DecodeResult.Fail(DecodeFailure.TrailingBytes, $"{reader.Remaining} bytes follow the signature");
        }

        return DecodeResult.Success(new MeshEvent(
            EventId.Read(id), source, incarnation, sequence, DateTimeOffset.FromUnixTimeMilliseconds(unixMs),
            topic!, payload.ToArray(), (SignatureAlgorithm)algorithm, signature.ToArray()));
    }

    private static readonly long MinUnixMs = DateTimeOffset.MinValue.ToUnixTimeMilliseconds();
    private static readonly long MaxUnixMs = DateTimeOffset.MaxValue.ToUnixTimeMilliseconds();

    private static DecodeResult Truncated(string field, int length) =>
        DecodeResult.Fail(DecodeFailure.Truncated, $"the envelope ends in its {field} after {length} bytes");

    private static int SignedLength(byte[] source, byte[] topic, int payload) =>
        EnvelopeLimits.FixedBytes - 2 + source.Length + topic.Length + payload;

    private static (byte[] Source, byte[] Topic) Check(MeshEvent @event, EnvelopeLimits limits, bool requireSignature)
    {
        ArgumentNullException.ThrowIfNull(@event);
        ArgumentNullException.ThrowIfNull(limits);
        MeshIdentity.RequireValidId(@event.Source, nameof(@event));
        TopicName.Require(@event.Topic, nameof(@event));
        if (@event.Sequence == 0)
        {
            throw new ArgumentException("sequence numbers start at 1", nameof(@event));
        }

        if (@event.Payload.Length > limits.MaxPayloadBytes)
        {
            throw new ArgumentException($"the payload has {@event.Payload.Length} bytes, more than the {limits.MaxPayloadBytes} allowed", nameof(@event));
        }

        if (requireSignature && (@event.Algorithm == SignatureAlgorithm.None || @event.Signature.Length is 0 or > EnvelopeLimits.MaxSignatureBytes))
        {
            throw new ArgumentException($"the event is not signed, or its signature is not 1 to {EnvelopeLimits.MaxSignatureBytes} bytes; sign it with {nameof(Sign)} first", nameof(@event));
        }

        return (Encoding.ASCII.GetBytes(@event.Source), Encoding.ASCII.GetBytes(@event.Topic));
    }

    private static void WriteSigned(Span<byte> buffer, MeshEvent @event, byte[] source, byte[] topic)
    {
        Magic.CopyTo(buffer);
        buffer[2] = Version;
        buffer[3] = 0;
        @event.Id.WriteTo(buffer[4..]);
        BinaryPrimitives.WriteUInt64BigEndian(buffer[20..], @event.Incarnation);
        BinaryPrimitives.WriteUInt64BigEndian(buffer[28..], @event.Sequence);
        BinaryPrimitives.WriteInt64BigEndian(buffer[36..], @event.Timestamp.ToUnixTimeMilliseconds());
        var at = 44;
        buffer[at++] = (byte)source.Length;
        source.CopyTo(buffer[at..]);
        at += source.Length;
        buffer[at++] = (byte)topic.Length;
        topic.CopyTo(buffer[at..]);
        at += topic.Length;
        BinaryPrimitives.WriteUInt32BigEndian(buffer[at..], (uint)@event.Payload.Length);
        at += 4;
        @event.Payload.Span.CopyTo(buffer[at..]);
        at += @event.Payload.Length;
        buffer[at] = (byte)@event.Algorithm;
    }
}
