using System.Net;

namespace MeshActors.Dns;

/// <summary>A response that matched its query (id and question).</summary>
/// <param name="Message">The decoded response.</param>
/// <param name="Server">The server that answered.</param>
/// <param name="OverTcp">Whether the answer came over TCP (after a truncated UDP answer).</param>
/// <param name="DecodeError">Set when part of the packet was malformed; <paramref name="Message"/>
/// then holds the records decoded before the problem.</param>
public sealed record DnsResponse(DnsMessage Message, IPEndPoint Server, bool OverTcp, string? DecodeError);
