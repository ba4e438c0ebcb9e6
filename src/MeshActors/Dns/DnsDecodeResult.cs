namespace MeshActors.Dns;

/// <summary>What <see cref="DnsCodec.Decode"/> made of a packet.</summary>
/// <param name="Message">The message; null only when not even the 12-byte header was there. When
/// <paramref name="Error"/> is set it holds every record decoded before the problem (and after
/// it, when the broken record's length still framed it).</param>
/// <param name="Error">The first problem found, in words (which section and record, what was wrong, at
/// which byte); null when the whole packet decoded.</param>
public sealed record DnsDecodeResult(DnsMessage? Message, string? Error)
{
    /// <summary>Whether the whole packet decoded without a problem.</summary>
    public bool IsComplete => Message is not null && Error is null;
}
