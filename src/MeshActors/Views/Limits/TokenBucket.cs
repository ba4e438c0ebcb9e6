namespace MeshActors.Views.Limits;

/// <summary>
/// A token bucket, immutable: it refills at <see cref="RatePerSecond"/> up to <see cref="Burst"/>
/// tokens, and each admitted event takes one. Used for the inbound connection rate. Time is passed
/// in; a clock that steps back refills nothing (and does not move the bucket's time back).
/// </summary>
public sealed record TokenBucket
{
    private TokenBucket(double ratePerSecond, double burst, double tokens, DateTimeOffset updatedAt)
    {
        RatePerSecond = ratePerSecond;
        Burst = burst;
        Tokens = tokens;
        UpdatedAt = updatedAt;
    }

    /// <summary>Tokens added per second.</summary>
    public double RatePerSecond { get; }

    /// <summary>The most tokens the bucket holds: how many events may come at once after a quiet spell.</summary>
    public double Burst { get; }

    /// <summary>Tokens in the bucket at <see cref="UpdatedAt"/>.</summary>
    public double Tokens { get; }

    /// <summary>When <see cref="Tokens"/> was computed.</summary>
    public DateTimeOffset UpdatedAt { get; }

    /// <summary>A full bucket.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The rate is negative or not finite, or the burst is below 1 or not finite.</exception>
    public static TokenBucket Full(double ratePerSecond, double burst, DateTimeOffset now)
    {
        if (!double.IsFinite(ratePerSecond) || ratePerSecond < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(ratePerSecond), ratePerSecond, "the rate must be a finite number, zero or more");
        }

        if (!double.IsFinite(burst) || burst < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(burst), burst, "the burst must be a finite number, at least 1");
        }

        return new(ratePerSecond, burst, burst, now);
    }

    /// <summary>The tokens available at <paramref name="now"/>.</summary>
    public double TokensAt(DateTimeOffset now) =>
        now <= UpdatedAt ? Tokens : Math.Min(Burst, Tokens + ((now - UpdatedAt).TotalSeconds * RatePerSecond));

    /// <summary>Takes one token if there is one at <paramref name="now"/>.</summary>
    /// <returns>Whether a token was taken, and the bucket after (refilled to <paramref name="now"/> either way).</returns>
    public (bool Taken, TokenBucket Bucket) TryTake(DateTimeOffset now)
    {
        var tokens = TokensAt(now);
        var at = now > UpdatedAt ? now : UpdatedAt;
        return tokens >= 1 ? (true, new(RatePerSecond, Burst, tokens - 1, at)) : (false, new(RatePerSecond, Burst, tokens, at));
    }
}
