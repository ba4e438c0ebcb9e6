using System.Net;

namespace MeshActors.Dns;

/// <summary>The RDATA of an A (IPv4) or AAAA (IPv6) record.</summary>
/// <param name="Address">The address; its family must match the record type when encoding.</param>
public sealed record AddressData(IPAddress Address) : DnsRecordData;
