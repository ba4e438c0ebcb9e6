using System.Collections.Immutable;

namespace MeshActors.Sharding.Table;

/// <summary>
/// What changed from one version of a <see cref="ShardTable"/> to the next, and who, when and why:
/// the history the store keeps beside the latest table. <see cref="ShardTable.Apply"/> applies it;
/// <see cref="ShardTable.DiffTo"/> computes it.
/// </summary>
public sealed class ShardTableDiff
{
    /// <summary>Creates a diff; throws <see cref="ArgumentException"/> naming the bad value.</summary>
    /// <param name="namespaceName">The namespace name.</param>
    /// <param name="fromVersion">The version it applies to (0 or more).</param>
    /// <param name="toVersion">The version it leads to (greater than <paramref name="fromVersion"/>).</param>
    /// <param name="fencingToken">The fencing token of the leader that wrote <paramref name="toVersion"/>.</param>
    /// <param name="author">That leader's node id.</param>
    /// <param name="at">When (kept to the millisecond, UTC).</param>
    /// <param name="reason">Why, in words, for operators.</param>
    /// <param name="moves">Every changed row, each shard at most once.</param>
    public ShardTableDiff(string namespaceName, long fromVersion, long toVersion, long fencingToken, string author, DateTimeOffset at, string reason, ImmutableArray<ShardMove> moves)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(namespaceName);
        ArgumentNullException.ThrowIfNull(author);
        ArgumentNullException.ThrowIfNull(reason);
        if (fromVersion < 0 || toVersion <= fromVersion)
        {
            throw new ArgumentException($"a diff goes forward from version 0 or more; not from {fromVersion} to {toVersion}", nameof(toVersion));
        }

        if (fencingToken < 0)
        {
            throw new ArgumentException($"fencing token {fencingToken} must be 0 or more", nameof(fencingToken));
        }

        var seen = new HashSet<int>();
        foreach (var move in moves.IsDefault ? [] : moves)
        {
            if (move.Shard < 0 || !seen.Add(move.Shard))
            {
                throw new ArgumentException($"shard {move.Shard} is negative or listed twice in the diff", nameof(moves));
            }

            if (move.FromOwner is null || move.ToOwner is null || !Enum.IsDefined(move.FromState) || !Enum.IsDefined(move.ToState))
            {
                throw new ArgumentException($"the move of shard {move.Shard} has a missing owner or an unknown state", nameof(moves));
            }
        }

        Namespace = namespaceName;
        FromVersion = fromVersion;
        ToVersion = toVersion;
        FencingToken = fencingToken;
        Author = author;
        At = DateTimeOffset.FromUnixTimeMilliseconds(at.ToUnixTimeMilliseconds());
        Reason = reason;
        Moves = moves.IsDefault ? [] : moves;
    }

    /// <summary>The namespace name.</summary>
    public string Namespace { get; }

    /// <summary>The version the diff applies to.</summary>
    public long FromVersion { get; }

    /// <summary>The version it leads to.</summary>
    public long ToVersion { get; }

    /// <summary>The fencing token of the leader that wrote <see cref="ToVersion"/>.</summary>
    public long FencingToken { get; }

    /// <summary>The node id of that leader.</summary>
    public string Author { get; }

    /// <summary>When <see cref="ToVersion"/> was written.</summary>
    public DateTimeOffset At { get; }

    /// <summary>Why, for operators.</summary>
    public string Reason { get; }

    /// <summary>Every changed row (owner, state or both), by shard number when computed.</summary>
    public ImmutableArray<ShardMove> Moves { get; }

    /// <summary>The number of shards whose owner changes.</summary>
    public int MovedShards => Moves.Count(m => m.ChangesOwner);

    /// <summary>The compact JSON encoding for the history and for transport.</summary>
    public byte[] Encode() => ShardTableCodec.Encode(this);

    /// <summary>Decodes <see cref="Encode"/>'s output; throws <see cref="FormatException"/> saying what is wrong.</summary>
    public static ShardTableDiff Decode(ReadOnlySpan<byte> utf8Json) => ShardTableCodec.DecodeDiff(utf8Json);

    /// <inheritdoc />
    public override string ToString() =>
        $"ShardTableDiff({Namespace} v{FromVersion}→v{ToVersion}, token {FencingToken}, by {Author} at {At:O}, {MovedShards} moved of {Moves.Length} changed: {Reason})";
}
