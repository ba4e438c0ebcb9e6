namespace MeshActors.Dns;

/// <summary>The RDATA of an SRV record (RFC 2782).</summary>
/// <param name="Priority">Lower values are tried first.</param>
/// <param name="Weight">Within one priority, the relative chance of being tried first.</param>
/// <param name="Port">The service's port on <paramref name="Target"/>.</param>
/// <param name="Target">The host that offers the service, without a trailing dot; an empty name
/// (RFC 2782's ".") means the service is decidedly not available.</param>
public sealed record SrvData(ushort Priority, ushort Weight, ushort Port, string Target) : DnsRecordData;
