namespace MeshActors.Dns;

/// <summary>Why a DNS query failed; each kind has its own message in <see cref="DnsQueryException"/>.</summary>
public enum DnsFailure
{
    /// <summary>NXDOMAIN: the name does not exist.</summary>
    NameNotFound,

    /// <summary>SERVFAIL: the server could not answer (often an upstream failure).</summary>
    ServerFailure,

    /// <summary>REFUSED: the server will not answer this name (policy, or a name outside its zones).</summary>
    Refused,

    /// <summary>FORMERR: the server could not read the query.</summary>
    FormatError,

    /// <summary>Another response code (NOTIMP and the rest).</summary>
    OtherResponseCode,

    /// <summary>No server answered within the timeout, after every attempt.</summary>
    Timeout,

    /// <summary>Servers answered only with packets that do not decode or do not match the query.</summary>
    Malformed,

    /// <summary>A server could not be reached (ICMP port unreachable, TCP connection refused).</summary>
    Unreachable,

    /// <summary>There is no server to ask (resolv.conf missing or empty).</summary>
    NoServers,
}
