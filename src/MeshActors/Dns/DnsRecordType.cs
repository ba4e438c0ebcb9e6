namespace MeshActors.Dns;

/// <summary>The record types MeshActors reads and writes (RFC 1035 §3.2.2, RFC 3596, RFC 2782,
/// RFC 6891). Any other 16-bit value decodes too, as an undeclared enum value with
/// <see cref="UnknownData"/>.</summary>
public enum DnsRecordType : ushort
{
    /// <summary>An IPv4 address.</summary>
    A = 1,

    /// <summary>An authoritative name server.</summary>
    NS = 2,

    /// <summary>The canonical name for an alias.</summary>
    CNAME = 5,

    /// <summary>The start of a zone of authority (carried in negative answers).</summary>
    SOA = 6,

    /// <summary>A domain name pointer (DNS-SD service browsing, reverse lookups).</summary>
    PTR = 12,

    /// <summary>Text strings (DNS-SD key=value attributes).</summary>
    TXT = 16,

    /// <summary>An IPv6 address.</summary>
    AAAA = 28,

    /// <summary>A service location: priority, weight, port and target host.</summary>
    SRV = 33,

    /// <summary>The EDNS0 pseudo-record; never appears in <see cref="DnsMessage.Additionals"/>
    /// (see <see cref="DnsMessage.EdnsUdpPayloadSize"/>).</summary>
    OPT = 41,

    /// <summary>Any type (queries only).</summary>
    ANY = 255,
}
