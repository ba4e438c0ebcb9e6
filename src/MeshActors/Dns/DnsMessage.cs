namespace MeshActors.Dns;

/// <summary>
/// A DNS message (RFC 1035 §4.1), as <see cref="DnsCodec"/> reads and writes it. Record lists
/// compare by reference; compare messages field by field.
/// </summary>
public sealed record DnsMessage
{
    /// <summary>The id that pairs a response with its query (0 in mDNS).</summary>
    public ushort Id { get; init; }

    /// <summary>QR: a response rather than a query.</summary>
    public bool IsResponse { get; init; }

    /// <summary>OPCODE: 0 for a standard query.</summary>
    public int Opcode { get; init; }

    /// <summary>AA: the answer comes from a server authoritative for the name.</summary>
    public bool Authoritative { get; init; }

    /// <summary>TC: the answer did not fit and was cut; ask again over TCP.</summary>
    public bool Truncated { get; init; }

    /// <summary>RD: the asker wants the server to recurse.</summary>
    public bool RecursionDesired { get; init; }

    /// <summary>RA: the server offers recursion.</summary>
    public bool RecursionAvailable { get; init; }

    /// <summary>The RCODE, including the extended bits an OPT record carries.</summary>
    public DnsResponseCode ResponseCode { get; init; }

    /// <summary>The question section.</summary>
    public IReadOnlyList<DnsQuestion> Questions { get; init; } = [];

    /// <summary>The answer section.</summary>
    public IReadOnlyList<DnsRecord> Answers { get; init; } = [];

    /// <summary>The authority section.</summary>
    public IReadOnlyList<DnsRecord> Authorities { get; init; } = [];

    /// <summary>The additional section, without the OPT pseudo-record.</summary>
    public IReadOnlyList<DnsRecord> Additionals { get; init; } = [];

    /// <summary>The EDNS0 UDP payload size (RFC 6891 §6.2.3) when the message has an OPT record;
    /// null when it has none. Set it on a query to accept answers larger than 512 bytes over UDP.</summary>
    public ushort? EdnsUdpPayloadSize { get; init; }
}
