using MeshActors.Discovery;

namespace MeshActors.Discovery.Mdns;

/// <summary>
/// Bounds the inbound mDNS packets the provider processes (a token bucket of
/// <c>max-packets-per-second</c>, one second of burst) and counts the dropped ones, reporting the
/// count at most once per report interval so a flood cannot flood the log either. Pure: time is
/// passed in as timestamps of the injected clock. Not thread-safe; the receive loop owns it.
/// </summary>
internal sealed class MdnsInboundLimiter
{
    private readonly TokenBucket _bucket;
    private readonly long _frequency;
    private readonly long _reportEvery;
    private long _lastReport;
    private long _droppedSinceReport;

    /// <summary>Creates a full limiter.</summary>
    public MdnsInboundLimiter(int packetsPerSecond, TimeSpan reportInterval, long nowTimestamp, long frequency)
    {
        _bucket = new TokenBucket(packetsPerSecond, packetsPerSecond, nowTimestamp);
        _frequency = frequency;
        _reportEvery = (long)(reportInterval.TotalSeconds * frequency);
        _lastReport = nowTimestamp;
    }

    /// <summary>Every packet dropped since the start.</summary>
    public long Dropped { get; private set; }

    /// <summary>Whether to process a packet arriving now; counts it as dropped if not.</summary>
    public bool TryAccept(long nowTimestamp)
    {
        if (_bucket.TryTake(nowTimestamp, _frequency))
        {
            return true;
        }

        Dropped++;
        _droppedSinceReport++;
        return false;
    }

    /// <summary>The drops to report now: the count since the last report once a report interval
    /// has passed and something was dropped; otherwise 0 (say nothing).</summary>
    public long TakeReport(long nowTimestamp)
    {
        if (_droppedSinceReport == 0 || nowTimestamp - _lastReport < _reportEvery)
        {
            return 0;
        }

        var count = _droppedSinceReport;
        _droppedSinceReport = 0;
        _lastReport = nowTimestamp;
        return count;
    }
}
