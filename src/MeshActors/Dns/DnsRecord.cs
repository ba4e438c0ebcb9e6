namespace MeshActors.Dns;

/// <summary>One resource record of the answer, authority or additional section.</summary>
/// <param name="Name">The owner name, without a trailing dot, case preserved.</param>
/// <param name="Type">The record type.</param>
/// <param name="Ttl">Seconds the record may be cached. RFC 2181 §8: values with the top bit set
/// mean 0; use <see cref="EffectiveTtl"/>.</param>
/// <param name="Data">The RDATA; its subtype matches <paramref name="Type"/>
/// (<see cref="UnknownData"/> for types without a decoder).</param>
/// <param name="CacheFlush">mDNS's cache-flush bit, the top bit of the record CLASS (RFC 6762
/// §10.2). Always false in unicast DNS.</param>
public sealed record DnsRecord(string Name, DnsRecordType Type, uint Ttl, DnsRecordData Data, bool CacheFlush = false)
{
    /// <summary>The class without the cache-flush bit; <see cref="DnsClass.Internet"/> unless a packet said otherwise.</summary>
    public ushort Class { get; init; } = DnsClass.Internet;

    /// <summary>Whether the record is of class IN; records of other classes are not addresses to use.</summary>
    public bool IsInternetClass => Class == DnsClass.Internet;

    /// <summary>The TTL as RFC 2181 §8 says to read it: a value above 2^31 − 1 counts as 0.</summary>
    public uint EffectiveTtl => Ttl > int.MaxValue ? 0 : Ttl;
}
