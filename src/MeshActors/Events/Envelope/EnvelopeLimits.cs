namespace MeshActors.Events.Envelope;

/// <summary>
/// The caps the codec enforces before it allocates anything: a payload longer than
/// <see cref="MaxPayloadBytes"/> is refused from its length field alone, and so is an input longer
/// than <see cref="MaxEnvelopeBytes"/>.
/// </summary>
/// <param name="MaxPayloadBytes">The largest payload accepted or produced, in bytes; default 64 KiB, at most <see cref="PayloadCeiling"/>.</param>
public sealed record EnvelopeLimits(int MaxPayloadBytes = EnvelopeLimits.DefaultMaxPayloadBytes)
{
    /// <summary>The default payload cap, 64 KiB.</summary>
    public const int DefaultMaxPayloadBytes = 64 * 1024;

    /// <summary>The largest payload cap that may be configured, 16 MiB.</summary>
    public const int PayloadCeiling = 16 * 1024 * 1024;

    /// <summary>The largest signature accepted: 512 bytes, an RSA-4096 signature.</summary>
    public const int MaxSignatureBytes = 512;

    /// <summary>The fixed part of an envelope: magic, version, flags, id, incarnation, sequence,
    /// timestamp, the two one-byte string lengths, the payload length, the algorithm and the signature length.</summary>
    public const int FixedBytes = 2 + 1 + 1 + EventId.Size + 8 + 8 + 8 + 1 + 1 + 4 + 1 + 2;

    /// <summary>The longest source node id: 64 ASCII characters, <see cref="Security.MeshIdentity.IdRule"/>.</summary>
    public const int MaxSourceBytes = 64;

    /// <summary>The limits with every default.</summary>
    public static readonly EnvelopeLimits Default = new();

    /// <summary>The longest envelope these limits allow: the fixed part, a 64-character node id, a
    /// 255-character topic, the largest payload and the largest signature.</summary>
    public int MaxEnvelopeBytes => FixedBytes + MaxSourceBytes + Topics.TopicName.MaxLength + MaxPayloadBytes + MaxSignatureBytes;

    /// <summary>Every problem with these limits, each naming the setting and the fix; empty when they are valid.</summary>
    public IReadOnlyList<string> Validate() =>
        MaxPayloadBytes is < 0 or > PayloadCeiling
            ? [$"{nameof(MaxPayloadBytes)} is {MaxPayloadBytes}; set it between 0 and {PayloadCeiling} bytes (16 MiB)"]
            : [];
}
