using System.Collections.Immutable;

namespace MeshActors.Sharding.Table;

/// <summary>
/// The versioned owner and state of every shard of one namespace, as the leader's singleton publishes
/// it and every node keeps a local copy: immutable, so a node swaps its reference to a new version and
/// lookups (<see cref="OwnerOf"/>, <see cref="ShardOf(string)"/>) need no lock. Each version records the
/// <see cref="FencingToken"/> of the leader that wrote it; versions only go forward
/// (<see cref="Apply"/>, <see cref="IShardTableStore"/>).
/// </summary>
public sealed class ShardTable
{
    private readonly string[] _owners;
    private readonly ShardState[] _states;
    private string? _checksum;

    private ShardTable(string namespaceName, long version, long fencingToken, DateTimeOffset writtenAt, string[] owners, ShardState[] states)
    {
        Namespace = namespaceName;
        Version = version;
        FencingToken = fencingToken;
        WrittenAt = writtenAt;
        _owners = owners;
        _states = states;
    }

    /// <summary>The namespace name.</summary>
    public string Namespace { get; }

    /// <summary>The version: 0 for <see cref="Unassigned"/>, then +1 per diff.</summary>
    public long Version { get; }

    /// <summary>The fencing token of the leader that wrote this version (0 for <see cref="Unassigned"/>).</summary>
    public long FencingToken { get; }

    /// <summary>When this version was written (the diff's time; whole milliseconds, UTC).</summary>
    public DateTimeOffset WrittenAt { get; }

    /// <summary>The number of shards, numbered from 0.</summary>
    public int ShardCount => _owners.Length;

    /// <summary>
    /// Lower-case hex SHA-256 of the table's canonical encoding (namespace, version, token, time and
    /// every row, byte layout in the Sharding README): the same table gives the same checksum on every
    /// node and platform. Computed once, on first use.
    /// </summary>
    public string Checksum => _checksum ??= ShardTableCodec.Checksum(this);

    /// <summary>The row of <paramref name="shard"/>.</summary>
    public ShardEntry this[int shard] => new(OwnerOf(shard), _states[shard]);

    /// <summary>A table of version 0 with every shard unassigned (owner <c>""</c>, <see cref="ShardState.Paused"/>):
    /// where a namespace starts before its first version is written.</summary>
    /// <param name="namespaceName">The namespace name; not empty.</param>
    /// <param name="shardCount">1 to <see cref="ShardNamespace.MaxShardCount"/>.</param>
    public static ShardTable Unassigned(string namespaceName, int shardCount)
    {
        var entries = Enumerable.Repeat(new ShardEntry("", ShardState.Paused), Math.Max(0, shardCount)).ToList();
        return Create(namespaceName, 0, 0, DateTimeOffset.UnixEpoch, entries);
    }

    /// <summary>A table from its parts, validated: throws <see cref="ArgumentException"/> naming the bad value.</summary>
    /// <param name="namespaceName">The namespace name; not empty.</param>
    /// <param name="version">0 or more.</param>
    /// <param name="fencingToken">0 or more.</param>
    /// <param name="writtenAt">When it was written; kept to the millisecond, in UTC.</param>
    /// <param name="entries">One row per shard (1 to <see cref="ShardNamespace.MaxShardCount"/>); owner <c>""</c> only when paused.</param>
    public static ShardTable Create(string namespaceName, long version, long fencingToken, DateTimeOffset writtenAt, IReadOnlyList<ShardEntry> entries)
    {
        var owners = new string[entries.Count];
        var states = new ShardState[entries.Count];
        for (var shard = 0; shard < entries.Count; shard++)
        {
            owners[shard] = entries[shard].Owner;
            states[shard] = entries[shard].State;
        }

        return Validated(namespaceName, version, fencingToken, writtenAt, owners, states);
    }

    /// <summary>The owner of <paramref name="shard"/>: one array read after a range check.</summary>
    public string OwnerOf(int shard)
    {
        if ((uint)shard >= (uint)_owners.Length)
        {
            ThrowShardOutOfRange(shard);
        }

        return _owners[shard];
    }

    /// <summary>The state of <paramref name="shard"/>.</summary>
    public ShardState StateOf(int shard)
    {
        if ((uint)shard >= (uint)_states.Length)
        {
            ThrowShardOutOfRange(shard);
        }

        return _states[shard];
    }

    /// <summary>The shard <paramref name="key"/> (an entity id) belongs to in this table; see <see cref="ShardOf(string, int)"/>.</summary>
    public int ShardOf(string key) => ShardOf(key, _owners.Length);

    /// <summary>The shard of <paramref name="key"/> among <paramref name="shardCount"/>: <see cref="ShardKeys.ShardOf"/>,
    /// the one key-to-shard function, which Akka.Cluster.Sharding's extractor uses too.</summary>
    public static int ShardOf(string key, int shardCount) => ShardKeys.ShardOf(key, shardCount);

    /// <summary>Every row, by shard number.</summary>
    public IEnumerable<ShardEntry> Entries()
    {
        for (var shard = 0; shard < _owners.Length; shard++)
        {
            yield return new ShardEntry(_owners[shard], _states[shard]);
        }
    }

    /// <summary>The number of shards each owner holds (the unassigned owner <c>""</c> included when present), sorted by id.</summary>
    public ImmutableSortedDictionary<string, int> Loads() => new ShardAssignment(Namespace, _owners).Loads();

    /// <summary>
    /// The table <paramref name="diff"/> leads to. All or nothing: throws <see cref="ArgumentException"/>
    /// (nothing applied; this table is immutable anyway) when the diff is for another namespace, does not
    /// start at this version, goes backwards, carries a lower fencing token, or names a row as it is not.
    /// </summary>
    public ShardTable Apply(ShardTableDiff diff)
    {
        ArgumentNullException.ThrowIfNull(diff);
        if (!string.Equals(diff.Namespace, Namespace, StringComparison.Ordinal))
        {
            throw new ArgumentException($"the diff is for namespace '{diff.Namespace}', this table for '{Namespace}'", nameof(diff));
        }

        if (diff.FromVersion != Version)
        {
            throw new ArgumentException($"the diff goes from version {diff.FromVersion} to {diff.ToVersion}; this table is version {Version}", nameof(diff));
        }

        if (diff.FencingToken < FencingToken)
        {
            throw new ArgumentException($"the diff's fencing token {diff.FencingToken} is lower than this table's {FencingToken}: it comes from an older leader", nameof(diff));
        }

        var owners = (string[])_owners.Clone();
        var states = (ShardState[])_states.Clone();
        foreach (var move in diff.Moves)
        {
            if ((uint)move.Shard >= (uint)owners.Length)
            {
                throw new ArgumentException($"the diff moves shard {move.Shard}; namespace {Namespace} has shards 0 to {owners.Length - 1}", nameof(diff));
            }

            if (!string.Equals(owners[move.Shard], move.FromOwner, StringComparison.Ordinal) || states[move.Shard] != move.FromState)
            {
                throw new ArgumentException(
                    $"the diff expects shard {move.Shard} at '{move.FromOwner}' ({move.FromState}); version {Version} has it at '{owners[move.Shard]}' ({states[move.Shard]})",
                    nameof(diff));
            }

            owners[move.Shard] = move.ToOwner;
            states[move.Shard] = move.ToState;
        }

        return Validated(Namespace, diff.ToVersion, diff.FencingToken, diff.At, owners, states);
    }

    /// <summary>The diff from this table to <paramref name="next"/>, a later version of the same namespace and size:
    /// every row that differs, by shard number, with <paramref name="next"/>'s token and time.</summary>
    /// <param name="next">The later table.</param>
    /// <param name="author">The node id of the leader that wrote <paramref name="next"/>.</param>
    /// <param name="reason">Why, for the history.</param>
    public ShardTableDiff DiffTo(ShardTable next, string author, string reason)
    {
        ArgumentNullException.ThrowIfNull(next);
        if (!string.Equals(next.Namespace, Namespace, StringComparison.Ordinal) || next.ShardCount != ShardCount)
        {
            throw new ArgumentException($"diff between namespace '{Namespace}' ({ShardCount} shards) and '{next.Namespace}' ({next.ShardCount} shards): compare versions of one namespace", nameof(next));
        }

        var moves = ImmutableArray.CreateBuilder<ShardMove>();
        for (var shard = 0; shard < _owners.Length; shard++)
        {
            if (!string.Equals(_owners[shard], next._owners[shard], StringComparison.Ordinal) || _states[shard] != next._states[shard])
            {
                moves.Add(new ShardMove(shard, _owners[shard], next._owners[shard], _states[shard], next._states[shard]));
            }
        }

        return new ShardTableDiff(Namespace, Version, next.Version, next.FencingToken, author, next.WrittenAt, reason, moves.ToImmutable());
    }

    /// <summary>The compact JSON encoding for persistence and transport (layout in the Sharding README); includes the checksum.</summary>
    public byte[] Encode() => ShardTableCodec.Encode(this);

    /// <summary>Decodes <see cref="Encode"/>'s output. Throws <see cref="FormatException"/> saying what is wrong for
    /// malformed input, a bad row, or a checksum that does not match; never returns a partial table.</summary>
    public static ShardTable Decode(ReadOnlySpan<byte> utf8Json) => ShardTableCodec.Decode(utf8Json);

    /// <inheritdoc />
    public override string ToString() => $"ShardTable({Namespace} v{Version}, token {FencingToken}, {ShardCount} shards)";

    /// <summary>The owner array, for the codec and planner in this assembly; never modified.</summary>
    internal ReadOnlySpan<string> Owners => _owners;

    /// <summary>The state array, for the codec and planner in this assembly; never modified.</summary>
    internal ReadOnlySpan<ShardState> States => _states;

    /// <summary>Builds a table over arrays it takes ownership of, after the checks <see cref="Create"/> documents.</summary>
    internal static ShardTable Validated(string namespaceName, long version, long fencingToken, DateTimeOffset writtenAt, string[] owners, ShardState[] states)
    {
        if (string.IsNullOrWhiteSpace(namespaceName))
        {
            throw new ArgumentException("the namespace name is empty", nameof(namespaceName));
        }

        if (version < 0 || fencingToken < 0)
        {
            throw new ArgumentException($"version {version} and fencing token {fencingToken} must be 0 or more", nameof(version));
        }

        if (owners.Length is < 1 or > ShardNamespace.MaxShardCount)
        {
            throw new ArgumentException($"a table has 1 to {ShardNamespace.MaxShardCount} shards, not {owners.Length}", nameof(owners));
        }

        for (var shard = 0; shard < owners.Length; shard++)
        {
            if (owners[shard] is null)
            {
                throw new ArgumentException($"shard {shard} has no owner; use \"\" (paused) for an unassigned shard", nameof(owners));
            }

            if (!Enum.IsDefined(states[shard]))
            {
                throw new ArgumentException($"shard {shard} has state {(byte)states[shard]}, which is not a ShardState", nameof(states));
            }

            if (owners[shard].Length == 0 && states[shard] != ShardState.Paused)
            {
                throw new ArgumentException($"shard {shard} is unassigned (owner \"\") but {states[shard]}; an unassigned shard is Paused", nameof(owners));
            }
        }

        var at = DateTimeOffset.FromUnixTimeMilliseconds(writtenAt.ToUnixTimeMilliseconds());
        return new ShardTable(namespaceName, version, fencingToken, at, owners, states);
    }

    private void ThrowShardOutOfRange(int shard) =>
        throw new ArgumentOutOfRangeException(nameof(shard), shard, $"namespace {Namespace} has shards 0 to {_owners.Length - 1}");
}
