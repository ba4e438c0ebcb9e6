namespace MeshActors.Views.Scoring;

/// <summary>What the score book knows of one peer.</summary>
/// <param name="Base">The sum of rewards and penalties, kept within the score range.</param>
/// <param name="SmoothedRtt">The smoothed round trip; null until a first sample.</param>
/// <param name="Bans">Bans in a row (reset after <see cref="ScoringOptions.BanForgiveness"/> without one).</param>
/// <param name="BannedUntil">When the current ban ends; null when not banned.</param>
/// <param name="LastBanEnded">When the last ban ended; null if never banned.</param>
/// <param name="LastUpdated">When anything about the peer was last recorded (the oldest is forgotten first).</param>
public sealed record PeerScoreEntry(double Base, TimeSpan? SmoothedRtt, int Bans, DateTimeOffset? BannedUntil, DateTimeOffset? LastBanEnded, DateTimeOffset LastUpdated)
{
    /// <summary>The points latency costs: <c>min(MaxLatencyPenalty, LatencyPenaltyPerTarget × max(0, srtt / target − 1))</c>.</summary>
    public double LatencyPenalty(ScoringOptions options) =>
        SmoothedRtt is { } rtt ? Math.Min(options.MaxLatencyPenalty, options.LatencyPenaltyPerTarget * Math.Max(0, (rtt / options.RttTarget) - 1)) : 0;

    /// <summary>The score: <see cref="Base"/> less the latency penalty, within the score range.</summary>
    public double Score(ScoringOptions options) => Math.Clamp(Base - LatencyPenalty(options), options.MinScore, options.MaxScore);

    /// <summary>Whether a ban is in force at <paramref name="now"/>.</summary>
    public bool IsBannedAt(DateTimeOffset now) => BannedUntil > now;
}
