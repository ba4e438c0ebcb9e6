namespace MeshActors.Dns;

/// <summary>One entry of the question section.</summary>
/// <param name="Name">The name asked about, without a trailing dot; compare with
/// <see cref="DnsName.Equal"/> (DNS names are case-insensitive).</param>
/// <param name="Type">The record type asked for.</param>
/// <param name="UnicastResponse">mDNS's QU bit, the top bit of QCLASS (RFC 6762 §5.4): the
/// asker prefers a unicast answer. Always false in unicast DNS.</param>
public sealed record DnsQuestion(string Name, DnsRecordType Type, bool UnicastResponse = false)
{
    /// <summary>The class without the QU bit; <see cref="DnsClass.Internet"/> unless a packet said otherwise.</summary>
    public ushort Class { get; init; } = DnsClass.Internet;
}
