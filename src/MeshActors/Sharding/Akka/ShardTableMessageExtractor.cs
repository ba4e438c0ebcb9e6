using Akka.Cluster.Sharding;

namespace MeshActors.Sharding.Akka;

/// <summary>
/// An <see cref="IMessageExtractor"/> like Akka's <see cref="HashCodeMessageExtractor"/>, but the shard
/// of an entity is the shard table's: <see cref="ShardKeys.ShardOf"/> of the entity id, written as its
/// number (<see cref="ShardKeys.ToShardId"/>). With <see cref="ShardTableAllocationStrategy"/> this puts
/// every entity on the node the table names as its shard's owner.
/// <para>Derive from it and implement <see cref="EntityId"/> (and <see cref="EntityMessage"/> to unwrap),
/// or use <see cref="Create"/>. Akka's <c>ShardingEnvelope</c> and <c>StartEntity</c> are unwrapped by the
/// region itself before the extractor sees them, so they need no case here.</para>
/// </summary>
public abstract class ShardTableMessageExtractor : IMessageExtractor
{
    /// <summary>Creates the extractor for a namespace of <paramref name="shardCount"/> shards; use the table's <see cref="IShardOwners.ShardCount"/>.</summary>
    protected ShardTableMessageExtractor(int shardCount)
    {
        if (shardCount is < 1 or > ShardNamespace.MaxShardCount)
        {
            throw new ArgumentOutOfRangeException(nameof(shardCount), shardCount, $"give the table's shard count, 1 to {ShardNamespace.MaxShardCount}");
        }

        ShardCount = shardCount;
    }

    /// <summary>The namespace's shard count.</summary>
    public int ShardCount { get; }

    /// <summary>An extractor from two functions: the entity id of a message (null: not an entity message) and, optionally, what the entity receives (default: the message itself).</summary>
    public static ShardTableMessageExtractor Create(int shardCount, Func<object, string?> entityId, Func<object, object>? entityMessage = null)
    {
        ArgumentNullException.ThrowIfNull(entityId);
        return new FromFunctions(shardCount, entityId, entityMessage ?? (message => message));
    }

    /// <summary>The entity id a message is for, or null when it is not a message for an entity.</summary>
    public abstract string? EntityId(object message);

    /// <summary>What the entity receives; by default the message as it is.</summary>
    public virtual object? EntityMessage(object message) => message;

    /// <summary>The shard id of a message: that of its entity id, or null when it has none.</summary>
    public string? ShardId(object message) => EntityId(message) is { } entityId ? ShardId(entityId, message) : null;

    /// <summary>The shard id of <paramref name="entityId"/>: <c>ShardKeys.ToShardId(ShardKeys.ShardOf(entityId, ShardCount))</c>.</summary>
    public string ShardId(string entityId, object? messageHint = null) => ShardKeys.ToShardId(ShardKeys.ShardOf(entityId, ShardCount));

    private sealed class FromFunctions(int shardCount, Func<object, string?> entityId, Func<object, object> entityMessage) : ShardTableMessageExtractor(shardCount)
    {
        public override string? EntityId(object message) => entityId(message);

        public override object? EntityMessage(object message) => entityMessage(message);
    }
}
