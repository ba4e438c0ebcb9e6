namespace MeshActors.Discovery.Dns;

/// <summary>One DNS question failed; the message names the question, the server and what went
/// wrong, e.g. "_mesh._tcp.x.local does not exist (NXDOMAIN from 127.0.0.1:5354)". The provider
/// turns it into a <see cref="DiscoveryException"/> naming the setting to check.</summary>
internal sealed class DnsLookupException : Exception
{
    public DnsLookupException(DnsLookupFailure failure, string message)
        : base(message) => Failure = failure;

    public DnsLookupException(DnsLookupFailure failure, string message, Exception innerException)
        : base(message, innerException) => Failure = failure;

    public DnsLookupException()
    {
    }

    public DnsLookupException(string message)
        : base(message)
    {
    }

    public DnsLookupException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>What kind of failure it was; it decides which setting the error points to.</summary>
    public DnsLookupFailure Failure { get; }
}
