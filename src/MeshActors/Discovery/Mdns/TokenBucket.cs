namespace MeshActors.Discovery.Mdns;

/// <summary>
/// A token bucket: up to <c>burst</c> messages at once, refilled at <c>ratePerSecond</c>. Used per
/// peer for inbound messages, so one chatty or hostile peer cannot starve the node. Pure: time is
/// passed in as timestamps of the injected clock. Not thread-safe; callers lock.
/// </summary>
public sealed class TokenBucket
{
    private readonly double _ratePerSecond;
    private readonly double _burst;
    private double _tokens;
    private long _last;

    /// <summary>Creates a full bucket.</summary>
    public TokenBucket(double ratePerSecond, int burst, long nowTimestamp)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ratePerSecond);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(burst);
        _ratePerSecond = ratePerSecond;
        _burst = burst;
        _tokens = burst;
        _last = nowTimestamp;
    }

    /// <summary>Takes one token if there is one.</summary>
    /// <param name="nowTimestamp">Now, from <see cref="TimeProvider.GetTimestamp"/>.</param>
    /// <param name="frequency">Ticks per second of that timestamp.</param>
    public bool TryTake(long nowTimestamp, long frequency)
    {
        if (nowTimestamp > _last)
        {
            _tokens = Math.Min(_burst, _tokens + ((nowTimestamp - _last) * _ratePerSecond / frequency));
            _last = nowTimestamp;
        }

        if (_tokens < 1)
        {
            return false;
        }

        _tokens -= 1;
        return true;
    }
}
