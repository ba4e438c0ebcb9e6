using System.Collections.Immutable;
using MeshActors.Views.Limits;

namespace MeshActors.Views.Pex;

/// <summary>
/// Per-requester rate limit for peer-exchange requests, immutable: a <see cref="TokenBucket"/> per
/// requester (one token per <see cref="PexOptions.RequestInterval"/>, <see cref="PexOptions.RequestBurst"/>
/// at most). At most <see cref="PexOptions.MaxRequesters"/> requesters are remembered; a new one
/// beyond that makes the limiter forget the least recently seen (ties by id), so a flood of
/// requesters costs bounded memory. A forgotten requester starts again with a full bucket; requesters
/// are authenticated cluster members, so a flood of fresh ids needs that many certificates.
/// </summary>
public sealed class PexRequestLimiter
{
    private readonly ImmutableDictionary<string, TokenBucket> _buckets;

    private PexRequestLimiter(PexOptions options, ImmutableDictionary<string, TokenBucket> buckets)
    {
        Options = options;
        _buckets = buckets;
    }

    /// <summary>The options it limits with.</summary>
    public PexOptions Options { get; }

    /// <summary>How many requesters it remembers.</summary>
    public int Count => _buckets.Count;

    /// <summary>A limiter that remembers no one.</summary>
    /// <exception cref="ArgumentException"><paramref name="options"/> are not valid.</exception>
    public static PexRequestLimiter Empty(PexOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate();
        return errors.Count == 0 ? new(options, ImmutableDictionary<string, TokenBucket>.Empty.WithComparers(StringComparer.Ordinal))
            : throw new ArgumentException(string.Join(" ", errors), nameof(options));
    }

    /// <summary>Whether <paramref name="requester"/> may ask now; answer a refused request with <c>PexResponse(Refused: true)</c>.</summary>
    /// <returns>The verdict and the limiter after it.</returns>
    public (bool Allowed, PexRequestLimiter Limiter) TryAdmit(string requester, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrEmpty(requester);
        var bucket = _buckets.GetValueOrDefault(requester)
            ?? TokenBucket.Full(1 / Options.RequestInterval.TotalSeconds, Options.RequestBurst, now);
        var (allowed, next) = bucket.TryTake(now);
        var buckets = _buckets.SetItem(requester, next);
        if (buckets.Count > Options.MaxRequesters)
        {
            buckets = buckets.Remove(LeastRecent(buckets, requester));
        }

        return (allowed, new(Options, buckets));
    }

    private static string LeastRecent(ImmutableDictionary<string, TokenBucket> buckets, string keep)
    {
        string? victim = null;
        var at = DateTimeOffset.MaxValue;
        foreach (var (id, bucket) in buckets)
        {
            if (id != keep && (victim is null || bucket.UpdatedAt < at || (bucket.UpdatedAt == at && string.CompareOrdinal(id, victim) < 0)))
            {
                (victim, at) = (id, bucket.UpdatedAt);
            }
        }

        return victim!;
    }
}
