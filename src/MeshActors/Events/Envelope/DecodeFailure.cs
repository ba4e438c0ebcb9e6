namespace MeshActors.Events.Envelope;

/// <summary>Why <see cref="MeshEventCodec.Decode"/> refused its input.</summary>
public enum DecodeFailure
{
    /// <summary>Nothing: the input decoded.</summary>
    None = 0,

    /// <summary>The input is longer than <see cref="EnvelopeLimits.MaxEnvelopeBytes"/>; refused unread.</summary>
    EnvelopeTooLarge,

    /// <summary>The payload length field exceeds <see cref="EnvelopeLimits.MaxPayloadBytes"/>; refused before allocating.</summary>
    PayloadTooLarge,

    /// <summary>The input ends before a field or a length it announced.</summary>
    Truncated,

    /// <summary>The first two bytes are not <c>ME</c>.</summary>
    BadMagic,

    /// <summary>The version byte is not one this codec reads.</summary>
    UnsupportedVersion,

    /// <summary>The reserved flags byte is not zero.</summary>
    ReservedFlagsSet,

    /// <summary>The sequence number is zero; sequences start at 1.</summary>
    BadSequence,

    /// <summary>The timestamp is outside the range of <see cref="DateTimeOffset"/>.</summary>
    BadTimestamp,

    /// <summary>The source is not a valid node id.</summary>
    BadSource,

    /// <summary>The topic is not a valid topic name.</summary>
    BadTopic,

    /// <summary>The algorithm byte names no known algorithm, or says the envelope is unsigned.</summary>
    UnknownAlgorithm,

    /// <summary>The signature is empty or longer than <see cref="EnvelopeLimits.MaxSignatureBytes"/>.</summary>
    BadSignatureLength,

    /// <summary>Bytes follow the signature; an envelope has exactly one encoding.</summary>
    TrailingBytes,
}
