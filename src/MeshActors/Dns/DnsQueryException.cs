namespace MeshActors.Dns;

/// <summary>A DNS query failed. The message names the query, the server and what went wrong,
/// e.g. "_mesh._tcp.x.local does not exist (NXDOMAIN from 127.0.0.1:5354)".</summary>
public sealed class DnsQueryException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DnsQueryException(DnsFailure failure, string message)
        : base(message)
    {
        Failure = failure;
    }

    /// <summary>Creates the exception with its cause.</summary>
    public DnsQueryException(DnsFailure failure, string message, Exception innerException)
        : base(message, innerException)
    {
        Failure = failure;
    }

    /// <summary>Creates the exception.</summary>
    public DnsQueryException()
        : base("the DNS query failed")
    {
    }

    /// <summary>Creates the exception.</summary>
    public DnsQueryException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public DnsQueryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>What kind of failure it was.</summary>
    public DnsFailure Failure { get; }
}
