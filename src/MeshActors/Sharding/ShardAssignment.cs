using System.Collections.Immutable;

namespace MeshActors.Sharding;

/// <summary>The owner of every shard of a namespace, indexed by shard number; immutable.</summary>
public sealed class ShardAssignment
{
    private readonly string[] _owners;

    /// <summary>Wraps <paramref name="owners"/> (owner id per shard); the array is not copied and must not change.</summary>
    public ShardAssignment(string namespaceName, string[] owners)
    {
        Namespace = namespaceName;
        _owners = owners;
    }

    /// <summary>The namespace name.</summary>
    public string Namespace { get; }

    /// <summary>The number of shards.</summary>
    public int ShardCount => _owners.Length;

    /// <summary>The owner of <paramref name="shard"/>: one array read.</summary>
    public string this[int shard] => _owners[shard];

    /// <summary>The number of shards each owner holds (owners with none are absent), sorted by id.</summary>
    public ImmutableSortedDictionary<string, int> Loads()
    {
        var loads = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var owner in _owners)
        {
            loads[owner] = loads.GetValueOrDefault(owner) + 1;
        }

        return loads.ToImmutableSortedDictionary(StringComparer.Ordinal);
    }

    /// <summary>The shards whose owner differs in <paramref name="other"/>, a placement of the same namespace.</summary>
    public IEnumerable<int> ShardsMovedTo(ShardAssignment other)
    {
        if (other.ShardCount != ShardCount)
        {
            throw new ArgumentException($"the assignments have {ShardCount} and {other.ShardCount} shards; compare placements of one namespace", nameof(other));
        }

        for (var shard = 0; shard < _owners.Length; shard++)
        {
            if (!string.Equals(_owners[shard], other._owners[shard], StringComparison.Ordinal))
            {
                yield return shard;
            }
        }
    }
}
