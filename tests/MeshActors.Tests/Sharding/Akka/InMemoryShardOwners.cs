using MeshActors.Sharding.Akka;

namespace MeshActors.Tests.Sharding.Akka;

/// <summary>A shard table the test changes by hand; keeps every version so a test can ask who owned a shard when.</summary>
internal sealed class InMemoryShardOwners : IShardOwners
{
    private readonly object _gate = new();
    private readonly List<string?[]> _versions = [];

    public InMemoryShardOwners(string namespaceName, string?[] owners)
    {
        Namespace = namespaceName;
        ShardCount = owners.Length;
        _versions.Add((string?[])owners.Clone());
    }

    public string Namespace { get; }

    public int ShardCount { get; }

    /// <summary>1 for the table given at construction, then one more per <see cref="Publish"/>.</summary>
    public long Version
    {
        get
        {
            lock (_gate)
            {
                return _versions.Count;
            }
        }
    }

    public string? OwnerOf(int shard)
    {
        lock (_gate)
        {
            return _versions[^1][shard];
        }
    }

    /// <summary>The owner of <paramref name="shard"/> in <paramref name="version"/> (1-based).</summary>
    public string? OwnerOf(int shard, long version)
    {
        lock (_gate)
        {
            return _versions[(int)version - 1][shard];
        }
    }

    /// <summary>Publishes a new version: <paramref name="change"/> gets a copy of the current owners to edit.</summary>
    public long Publish(Action<string?[]> change)
    {
        lock (_gate)
        {
            var next = (string?[])_versions[^1].Clone();
            change(next);
            _versions.Add(next);
            return _versions.Count;
        }
    }
}
