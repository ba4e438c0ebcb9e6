namespace MeshActors.Views.Scoring;

/// <summary>
/// The overlay's peer scoring (formula and reasons in this folder's README): successes raise a
/// peer's score a little, errors and timeouts lower it a lot, a smoothed round trip above the
/// target costs points, and a score below <see cref="PruneThreshold"/> bans the peer for a backoff
/// that doubles with each repeated ban. Defaults: score range [-100, 100], start 0, success +1,
/// error -10, timeout -5, RTT target 200 ms at 5 points per target over it (at most 20), prune
/// below -20, ban 30 s doubling to 10 min, at most 1,024 peers remembered.
/// </summary>
public sealed record ScoringOptions
{
    /// <summary>The default options.</summary>
    public static ScoringOptions Default { get; } = new();

    /// <summary>The lowest score.</summary>
    public double MinScore { get; init; } = -100;

    /// <summary>The highest score.</summary>
    public double MaxScore { get; init; } = 100;

    /// <summary>A new peer's score, and the score a peer gets back when its ban ends.</summary>
    public double InitialScore { get; init; }

    /// <summary>Points added for a success (a pong, an answered request).</summary>
    public double SuccessReward { get; init; } = 1;

    /// <summary>Points taken for an error (a malformed or refused message, a broken link).</summary>
    public double ErrorPenalty { get; init; } = 10;

    /// <summary>Points taken for a timeout (a ping or request left unanswered).</summary>
    public double TimeoutPenalty { get; init; } = 5;

    /// <summary>The smoothed round trip above which a peer loses points.</summary>
    public TimeSpan RttTarget { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Points taken per <see cref="RttTarget"/> by which the smoothed round trip exceeds the target.</summary>
    public double LatencyPenaltyPerTarget { get; init; } = 5;

    /// <summary>The most points latency can take; at or below the distance from <see cref="InitialScore"/>
    /// to <see cref="PruneThreshold"/>, so slowness alone ranks a peer last but never bans it.</summary>
    public double MaxLatencyPenalty { get; init; } = 20;

    /// <summary>The weight of a new round-trip sample in the smoothed RTT (TCP's SRTT, RFC 6298, uses 1/8; 0.2 follows faster).</summary>
    public double RttSmoothing { get; init; } = 0.2;

    /// <summary>A peer whose score falls below this is pruned and banned.</summary>
    public double PruneThreshold { get; init; } = -20;

    /// <summary>The first ban's length; each repeated ban doubles it.</summary>
    public TimeSpan BanBackoff { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest ban.</summary>
    public TimeSpan MaxBanBackoff { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>A peer that stays unbanned this long after a ban ended starts again at <see cref="BanBackoff"/>.</summary>
    public TimeSpan BanForgiveness { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>The most peers remembered; beyond it the least recently updated unbanned peer is forgotten.</summary>
    public int Capacity { get; init; } = 1024;

    /// <summary>Every inconsistency at once, each naming the setting and the fix; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (!(MinScore < MaxScore) || !(InitialScore >= MinScore && InitialScore <= MaxScore))
        {
            errors.Add($"MinScore ({MinScore}), InitialScore ({InitialScore}) and MaxScore ({MaxScore}) must be finite with MinScore < MaxScore and InitialScore between them.");
        }

        if (!(PruneThreshold > MinScore && PruneThreshold < InitialScore))
        {
            errors.Add($"PruneThreshold is {PruneThreshold}: it must lie above MinScore ({MinScore}) and below InitialScore ({InitialScore}).");
        }

        if (!(SuccessReward >= 0 && ErrorPenalty >= 0 && TimeoutPenalty >= 0 && LatencyPenaltyPerTarget >= 0 && MaxLatencyPenalty >= 0))
        {
            errors.Add("SuccessReward, ErrorPenalty, TimeoutPenalty, LatencyPenaltyPerTarget and MaxLatencyPenalty must not be negative.");
        }

        if (!(RttSmoothing > 0 && RttSmoothing <= 1))
        {
            errors.Add($"RttSmoothing is {RttSmoothing}: it must lie in (0, 1].");
        }

        if (RttTarget <= TimeSpan.Zero || BanBackoff <= TimeSpan.Zero || MaxBanBackoff < BanBackoff || BanForgiveness < TimeSpan.Zero)
        {
            errors.Add($"RttTarget and BanBackoff must be positive, MaxBanBackoff ({MaxBanBackoff}) at least BanBackoff ({BanBackoff}), BanForgiveness not negative.");
        }

        if (Capacity < 1)
        {
            errors.Add($"Capacity is {Capacity}: it must be at least 1.");
        }

        return errors;
    }
}
