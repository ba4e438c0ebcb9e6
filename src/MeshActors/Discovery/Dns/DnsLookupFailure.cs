namespace MeshActors.Discovery.Dns;

/// <summary>Why a DNS question failed: a name problem (check <c>srv</c>/<c>host</c>) or a server
/// problem (check <c>server</c>, <c>timeout</c>, <c>attempts</c>).</summary>
internal enum DnsLookupFailure
{
    /// <summary>NXDOMAIN: the name does not exist.</summary>
    NameNotFound,

    /// <summary>REFUSED: the server will not answer this name (policy, or a name outside its zones).</summary>
    Refused,

    /// <summary>SERVFAIL, FORMERR or another error code.</summary>
    ServerFailure,

    /// <summary>No server answered within the timeout, after every attempt.</summary>
    Timeout,

    /// <summary>The answer could not be read, or the server could not be reached.</summary>
    Unreadable,
}
