namespace MeshActors.Actors;

/// <summary>What happens to an actor whose handler throws: the failing message is dropped, then the
/// actor is either restarted with a fresh instance after an exponential backoff, or stopped.</summary>
public sealed record SupervisionStrategy
{
    /// <summary>Restart after <see cref="MinBackoff"/>, doubling per consecutive failure up to
    /// <see cref="MaxBackoff"/>; the default for every actor.</summary>
    public static SupervisionStrategy Default { get; } = new();

    /// <summary>Stop the actor on its first failure.</summary>
    public static SupervisionStrategy StopOnFailure { get; } = new() { MaxConsecutiveFailures = 0 };

    /// <summary>Delay before the first restart.</summary>
    public TimeSpan MinBackoff { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Upper bound on the delay, however many failures in a row.</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Fraction of random jitter added to each delay (0.2 adds up to 20 %), so that many
    /// actors failing together do not restart in lockstep.</summary>
    public double RandomFactor { get; init; } = 0.2;

    /// <summary>An actor that has run this long without failing starts counting failures from zero.</summary>
    public TimeSpan ResetAfter { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>After this many failures in a row the actor is stopped instead of restarted.</summary>
    public int MaxConsecutiveFailures { get; init; } = int.MaxValue;

    /// <summary>
    /// The restart delay after the <paramref name="consecutiveFailures"/>-th failure in a row
    /// (1-based): <c>min(MaxBackoff, MinBackoff × 2^(n−1)) × (1 + RandomFactor × jitter)</c>,
    /// with <paramref name="jitter"/> in [0, 1).
    /// </summary>
    public TimeSpan RestartDelay(int consecutiveFailures, double jitter)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(consecutiveFailures);
        var exponent = Math.Min(consecutiveFailures - 1, 62);
        var ticks = Math.Min((double)MaxBackoff.Ticks, MinBackoff.Ticks * Math.Pow(2, exponent));
        return TimeSpan.FromTicks((long)(ticks * (1 + RandomFactor * jitter)));
    }
}
