namespace MeshActors.Dns;

/// <summary>Counters of one <see cref="DnsClient"/>, for tests and diagnostics.</summary>
public sealed class DnsClientStats
{
    private long udpQueries;
    private long tcpQueries;
    private long truncatedAnswers;
    private long ignoredPackets;
    private long timeouts;

    /// <summary>Queries sent over UDP.</summary>
    public long UdpQueries => Interlocked.Read(ref udpQueries);

    /// <summary>Queries sent over TCP (each after a truncated UDP answer).</summary>
    public long TcpQueries => Interlocked.Read(ref tcpQueries);

    /// <summary>UDP answers with the TC bit set.</summary>
    public long TruncatedAnswers => Interlocked.Read(ref truncatedAnswers);

    /// <summary>Packets ignored because they did not decode or did not match the query.</summary>
    public long IgnoredPackets => Interlocked.Read(ref ignoredPackets);

    /// <summary>Attempts that got no answer in time.</summary>
    public long Timeouts => Interlocked.Read(ref timeouts);

    internal void UdpQuery() => Interlocked.Increment(ref udpQueries);

    internal void TcpQuery() => Interlocked.Increment(ref tcpQueries);

    internal void Truncated() => Interlocked.Increment(ref truncatedAnswers);

    internal void Ignored() => Interlocked.Increment(ref ignoredPackets);

    internal void TimedOut() => Interlocked.Increment(ref timeouts);
}
