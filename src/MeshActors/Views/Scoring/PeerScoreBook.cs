using System.Collections;
using System.Collections.Immutable;

namespace MeshActors.Views.Scoring;

/// <summary>
/// The overlay's scores, immutable: each record returns a new book and, when the peer's score has
/// just fallen below <see cref="ScoringOptions.PruneThreshold"/>, the <see cref="PeerBan"/> to act on.
/// Records about a banned peer change nothing. At most <see cref="ScoringOptions.Capacity"/> peers
/// are kept: a new peer beyond it makes the book forget the least recently updated peer that is not
/// banned (banned peers only when all are), so a flood of ids cannot grow memory. Time is passed in.
/// </summary>
public sealed class PeerScoreBook : IReadOnlyCollection<KeyValuePair<string, PeerScoreEntry>>
{
    private readonly ImmutableDictionary<string, PeerScoreEntry> _entries;

    private PeerScoreBook(ScoringOptions options, ImmutableDictionary<string, PeerScoreEntry> entries)
    {
        Options = options;
        _entries = entries;
    }

    /// <summary>The options the book scores with.</summary>
    public ScoringOptions Options { get; }

    /// <inheritdoc />
    public int Count => _entries.Count;

    /// <summary>An empty book.</summary>
    /// <exception cref="ArgumentException"><paramref name="options"/> are not valid.</exception>
    public static PeerScoreBook Empty(ScoringOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate();
        return errors.Count == 0 ? new(options, ImmutableDictionary<string, PeerScoreEntry>.Empty.WithComparers(StringComparer.Ordinal))
            : throw new ArgumentException(string.Join(" ", errors), nameof(options));
    }

    /// <summary>What the book knows of <paramref name="nodeId"/>; null for a peer it does not know.</summary>
    public PeerScoreEntry? Get(string nodeId) => _entries.GetValueOrDefault(nodeId);

    /// <summary>The peer's score; <see cref="ScoringOptions.InitialScore"/> for a peer the book does not know.</summary>
    public double Score(string nodeId) => Get(nodeId)?.Score(Options) ?? Options.InitialScore;

    /// <summary>The peer's smoothed round trip; null before a first sample.</summary>
    public TimeSpan? Rtt(string nodeId) => Get(nodeId)?.SmoothedRtt;

    /// <summary>Whether the peer is banned at <paramref name="now"/> (also before <see cref="Expire"/> runs).</summary>
    public bool IsBanned(string nodeId, DateTimeOffset now) => Get(nodeId)?.IsBannedAt(now) ?? false;

    /// <summary>A round-trip sample: <c>srtt ← srtt + α (sample − srtt)</c>, the first sample taken as it is.</summary>
    public ScoreUpdate RecordRtt(string nodeId, TimeSpan sample, DateTimeOffset now) =>
        Update(nodeId, now, e => e with { SmoothedRtt = e.SmoothedRtt is { } s ? s + ((Clamp(sample) - s) * Options.RttSmoothing) : Clamp(sample) });

    /// <summary>A success: <see cref="ScoringOptions.SuccessReward"/> points.</summary>
    public ScoreUpdate RecordSuccess(string nodeId, DateTimeOffset now) => Add(nodeId, Options.SuccessReward, now);

    /// <summary>An error: minus <see cref="ScoringOptions.ErrorPenalty"/> points.</summary>
    public ScoreUpdate RecordError(string nodeId, DateTimeOffset now) => Add(nodeId, -Options.ErrorPenalty, now);

    /// <summary>A timeout: minus <see cref="ScoringOptions.TimeoutPenalty"/> points.</summary>
    public ScoreUpdate RecordTimeout(string nodeId, DateTimeOffset now) => Add(nodeId, -Options.TimeoutPenalty, now);

    /// <summary>Ends the bans that are over at <paramref name="now"/>: the peer starts again at
    /// <see cref="ScoringOptions.InitialScore"/> with no RTT; it keeps its ban count for the next backoff.</summary>
    /// <returns>The new book and the peers whose ban ended.</returns>
    public (PeerScoreBook Book, IReadOnlyList<string> Ended) Expire(DateTimeOffset now)
    {
        var ended = _entries.Where(e => e.Value.BannedUntil <= now).Select(e => e.Key).Order(StringComparer.Ordinal).ToList();
        if (ended.Count == 0)
        {
            return (this, ended);
        }

        var entries = _entries.SetItems(ended.Select(id => KeyValuePair.Create(id, _entries[id] with
        {
            Base = Options.InitialScore, SmoothedRtt = null, BannedUntil = null, LastBanEnded = _entries[id].BannedUntil, LastUpdated = now,
        })));
        return (new(Options, entries), ended);
    }

    /// <summary>Puts back a peer saved in the peer cache: its base score (clamped to the range) and a
    /// ban still in force at <paramref name="now"/> (an ended one is dropped). Replaces what the book knew.</summary>
    public PeerScoreBook Restore(string nodeId, double score, DateTimeOffset? bannedUntil, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrEmpty(nodeId);
        var banned = bannedUntil > now;
        var entry = new PeerScoreEntry(
            banned ? Options.InitialScore : double.IsFinite(score) ? Math.Clamp(score, Options.MinScore, Options.MaxScore) : Options.InitialScore,
            null, banned ? 1 : 0, banned ? bannedUntil : null, null, now);
        return Put(nodeId, entry);
    }

    /// <summary>Forgets a peer.</summary>
    public PeerScoreBook Forget(string nodeId) => _entries.ContainsKey(nodeId) ? new(Options, _entries.Remove(nodeId)) : this;

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, PeerScoreEntry>> GetEnumerator() => _entries.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static TimeSpan Clamp(TimeSpan sample) => sample < TimeSpan.Zero ? TimeSpan.Zero : sample;

    private ScoreUpdate Add(string nodeId, double points, DateTimeOffset now) =>
        Update(nodeId, now, e => e with { Base = Math.Clamp(e.Base + points, Options.MinScore, Options.MaxScore) });

    private ScoreUpdate Update(string nodeId, DateTimeOffset now, Func<PeerScoreEntry, PeerScoreEntry> change)
    {
        ArgumentException.ThrowIfNullOrEmpty(nodeId);
        var before = Get(nodeId) ?? new PeerScoreEntry(Options.InitialScore, null, 0, null, null, now);
        if (before.IsBannedAt(now))
        {
            return new(this, null);
        }

        var after = change(before) with { LastUpdated = now, BannedUntil = null };
        if (after.Score(Options) >= Options.PruneThreshold)
        {
            return new(Put(nodeId, after), null);
        }

        var forgiven = before.LastBanEnded is { } ended && now - ended > Options.BanForgiveness;
        var bans = forgiven ? 1 : before.Bans + 1;
        var backoff = TimeSpan.FromTicks((long)Math.Min(Options.MaxBanBackoff.Ticks, Options.BanBackoff.Ticks * Math.Pow(2, Math.Min(bans - 1, 62))));
        var ban = new PeerBan(nodeId, now + backoff, bans);
        return new(Put(nodeId, after with { Bans = bans, BannedUntil = ban.Until }), ban);
    }

    private PeerScoreBook Put(string nodeId, PeerScoreEntry entry)
    {
        var entries = _entries.SetItem(nodeId, entry);
        return entries.Count > Options.Capacity ? new(Options, entries.Remove(Victim(entries, nodeId, entry.LastUpdated))) : new(Options, entries);
    }

    /// <summary>The entry to forget: unbanned before banned, then least recently updated, then by id; one pass.</summary>
    private static string Victim(ImmutableDictionary<string, PeerScoreEntry> entries, string keep, DateTimeOffset now)
    {
        string? victim = null;
        var victimBanned = false;
        var victimUpdated = DateTimeOffset.MaxValue;
        foreach (var (id, e) in entries)
        {
            if (id == keep)
            {
                continue;
            }

            var banned = e.IsBannedAt(now);
            var better = victim is null
                || (banned != victimBanned ? !banned
                : e.LastUpdated != victimUpdated ? e.LastUpdated < victimUpdated
                : string.CompareOrdinal(id, victim) < 0);
            if (better)
            {
                (victim, victimBanned, victimUpdated) = (id, banned, e.LastUpdated);
            }
        }

        return victim!;
    }
}
