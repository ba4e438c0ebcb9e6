using MeshActors.Leadership;
using MeshActors.Sharding.Table;

namespace MeshActors.Tests.Sharding.Table;

/// <summary>The conformance suite against a real SQLite file, shared with a lease store as in production.</summary>
public sealed class SqliteShardTableStoreTests : ShardTableStoreConformance, IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("meshactors-shardtable-");

    protected override string StoreName => LeaseStores.Sqlite;

    protected override async Task<Func<IShardTableStore>> CreateBackendAsync()
    {
        var file = Path.Combine(_folder.FullName, $"{Guid.NewGuid():N}.db");
        await using var leases = new SqliteLeaseStore(file);
        (await leases.TryAcquireAsync("leader", "a", TimeSpan.FromMinutes(1))).Should().NotBeNull("the lease store shares the file");
        return () => new SqliteShardTableStore(file);
    }

    public void Dispose() => _folder.Delete(recursive: true);
}
