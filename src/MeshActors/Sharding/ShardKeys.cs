using System.Globalization;

namespace MeshActors.Sharding;

/// <summary>
/// The one mapping from a key (an entity id) to a shard number. Everything that needs a key's shard
/// calls <see cref="ShardOf"/>: the shard table's own <c>ShardOf</c>, and
/// <c>Akka.ShardTableMessageExtractor</c>, which gives Akka.Cluster.Sharding the same shard, so
/// the owner the table names for shard <c>s</c> is the node that runs every entity whose key maps to
/// <c>s</c>. Changing this function moves entities between shards: treat it like a wire format.
/// </summary>
public static class ShardKeys
{
    /// <summary>
    /// The shard of <paramref name="key"/>: <c>StableHash.Of(key) mod shardCount</c>, in 0 to
    /// <paramref name="shardCount"/> − 1. Not salted by the namespace: a namespace's shards are
    /// separate anyway, and the same key lands on the same shard number in every namespace of one size.
    /// </summary>
    /// <param name="key">The key; any string, empty included.</param>
    /// <param name="shardCount">The namespace's shard count; 1 to <see cref="ShardNamespace.MaxShardCount"/>.</param>
    public static int ShardOf(string key, int shardCount)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (shardCount is < 1 or > ShardNamespace.MaxShardCount)
        {
            throw new ArgumentOutOfRangeException(nameof(shardCount), shardCount, $"give 1 to {ShardNamespace.MaxShardCount}");
        }

        return (int)(StableHash.Of(key) % (ulong)shardCount);
    }

    /// <summary>The Akka.Cluster.Sharding shard id of shard <paramref name="shard"/>: its number in invariant decimal, e.g. <c>"17"</c>.</summary>
    public static string ToShardId(int shard) => shard.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Reads an Akka shard id written by <see cref="ToShardId"/> back as a shard number of a namespace
    /// of <paramref name="shardCount"/> shards; false for anything else (a sign, leading zeros, out of range).
    /// </summary>
    public static bool TryParseShardId(string? shardId, int shardCount, out int shard)
    {
        shard = -1;
        if (string.IsNullOrEmpty(shardId) || shardId.Length > 7 || (shardId.Length > 1 && shardId[0] == '0'))
        {
            return false;
        }

        foreach (var c in shardId)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        var value = int.Parse(shardId, NumberStyles.None, CultureInfo.InvariantCulture);
        if (value >= shardCount)
        {
            return false;
        }

        shard = value;
        return true;
    }
}
