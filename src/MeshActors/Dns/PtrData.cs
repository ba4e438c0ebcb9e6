namespace MeshActors.Dns;

/// <summary>The RDATA of a PTR, CNAME or NS record: one domain name.</summary>
/// <param name="Name">The name, without a trailing dot, case preserved.</param>
public sealed record PtrData(string Name) : DnsRecordData;
