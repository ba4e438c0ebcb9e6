namespace MeshActors.Dns;

/// <summary>The RCODE of a response (RFC 1035 §4.1.1, RFC 6891 §6.1.3 for the extended values
/// above 15, which need an OPT record).</summary>
public enum DnsResponseCode
{
    /// <summary>No error.</summary>
    NoError = 0,

    /// <summary>FORMERR: the server could not interpret the query.</summary>
    FormatError = 1,

    /// <summary>SERVFAIL: the server failed to process the query (often an upstream failure).</summary>
    ServerFailure = 2,

    /// <summary>NXDOMAIN: the name does not exist.</summary>
    NameError = 3,

    /// <summary>NOTIMP: the server does not support this kind of query.</summary>
    NotImplemented = 4,

    /// <summary>REFUSED: the server will not answer this query (policy, or a name outside its zones).</summary>
    Refused = 5,

    /// <summary>YXDOMAIN: a name exists when it should not (dynamic update).</summary>
    YXDomain = 6,

    /// <summary>YXRRSET: a record set exists when it should not (dynamic update).</summary>
    YXRRSet = 7,

    /// <summary>NXRRSET: a record set does not exist when it should (dynamic update).</summary>
    NXRRSet = 8,

    /// <summary>NOTAUTH: the server is not authoritative for the zone.</summary>
    NotAuth = 9,

    /// <summary>NOTZONE: a name is not within the zone.</summary>
    NotZone = 10,

    /// <summary>BADVERS: the server does not support the EDNS version that was sent.</summary>
    BadVersion = 16,
}
