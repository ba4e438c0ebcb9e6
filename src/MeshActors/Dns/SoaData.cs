namespace MeshActors.Dns;

/// <summary>The RDATA of an SOA record (RFC 1035 §3.3.13). Negative answers carry one in the
/// authority section; its <see cref="MinimumTtl"/> bounds how long the "no such name" may be cached (RFC 2308).</summary>
/// <param name="PrimaryServer">MNAME: the zone's primary name server.</param>
/// <param name="ResponsibleMailbox">RNAME: the zone administrator's mailbox, as a domain name.</param>
/// <param name="Serial">The zone's version.</param>
/// <param name="Refresh">Seconds between secondary refreshes.</param>
/// <param name="Retry">Seconds before a failed refresh is retried.</param>
/// <param name="Expire">Seconds after which a secondary stops answering without a refresh.</param>
/// <param name="MinimumTtl">The negative-caching TTL.</param>
public sealed record SoaData(string PrimaryServer, string ResponsibleMailbox, uint Serial, uint Refresh, uint Retry, uint Expire, uint MinimumTtl) : DnsRecordData;
