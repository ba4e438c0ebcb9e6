using Google.Protobuf;
using MeshActors.Transport.Wire;

namespace MeshActors.Transport;

/// <summary>
/// Turns bytes from the network into an envelope and its payload, or a reason it cannot. Input is
/// never trusted: the size is checked before anything is parsed, protobuf checks every length
/// against the bytes actually present (a claimed length past the end is an error, never an
/// allocation of that size), and no exception other than <see cref="DecodeResult"/>'s error escapes.
/// </summary>
public static class EnvelopeCodec
{
    /// <summary>Encodes <paramref name="message"/> as an envelope of <paramref name="kind"/>.</summary>
    public static byte[] Encode(IMessage message, EnvelopeKind kind, ulong correlationId, uint protocolVersion, MessageTypes? types = null) =>
        new Envelope
        {
            ProtocolVersion = protocolVersion,
            Type = (types ?? MessageTypes.Default).NumberOf(message),
            Payload = message.ToByteString(),
            CorrelationId = correlationId,
            Kind = kind,
        }.ToByteArray();

    /// <summary>Decodes <paramref name="bytes"/>; never throws for malformed input.</summary>
    public static DecodeResult Decode(ReadOnlySpan<byte> bytes, int maxMessageSize, MessageTypes? types = null)
    {
        if (bytes.Length > maxMessageSize)
        {
            return DecodeResult.Fail($"message of {bytes.Length} bytes is over the limit of {maxMessageSize}");
        }

        Envelope envelope;
        try
        {
            envelope = Envelope.Parser.ParseFrom(bytes);
        }
        catch (InvalidProtocolBufferException ex)
        {
            return DecodeResult.Fail("malformed envelope: " + ex.Message);
        }

        if (envelope.Kind is not (EnvelopeKind.OneWay or EnvelopeKind.Request or EnvelopeKind.Response))
        {
            return DecodeResult.Fail($"envelope kind {(int)envelope.Kind} is not one-way, request or response");
        }

        if (envelope.ProtocolVersion == 0)
        {
            return DecodeResult.Fail("envelope carries no protocol version");
        }

        try
        {
            var payload = (types ?? MessageTypes.Default).Decode(envelope.Type, envelope.Payload.Span);
            return payload is null
                ? DecodeResult.Fail($"unknown message type {envelope.Type}")
                : new DecodeResult(envelope, payload, null);
        }
        catch (InvalidProtocolBufferException ex)
        {
            return DecodeResult.Fail($"malformed payload of type {envelope.Type}: {ex.Message}");
        }
    }
}
