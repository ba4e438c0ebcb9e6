using Google.Protobuf;
using MeshActors.Transport.Wire;

namespace MeshActors.Transport;

/// <summary>The outcome of <see cref="EnvelopeCodec.Decode"/>: an envelope and payload, or an error.</summary>
/// <param name="Envelope">The envelope, when decoding succeeded.</param>
/// <param name="Payload">The decoded payload, when decoding succeeded.</param>
/// <param name="Error">What was wrong, when it failed.</param>
public sealed record DecodeResult(Envelope? Envelope, IMessage? Payload, string? Error)
{
    /// <summary>Whether an envelope and payload were decoded.</summary>
    public bool IsSuccess => Error is null;

    internal static DecodeResult Fail(string error) => new(null, null, error);
}
