using MeshActors.Leadership;
using MeshActors.Sharding.Table;
using MeshActors.Tests.Leadership;

namespace MeshActors.Tests.Sharding.Table;

/// <summary>The conformance suite against a real PostgreSQL server (the lease tests' <see cref="PostgresServer"/>),
/// each test with its own tables in the one database, beside a lease table.</summary>
public sealed class PostgresShardTableStoreTests(PostgresServer server) : ShardTableStoreConformance, IClassFixture<PostgresServer>
{
    private static int _tables;

    protected override string StoreName => LeaseStores.Postgres;

    protected override async Task<Func<IShardTableStore>> CreateBackendAsync()
    {
        var table = $"shard_tables_{Interlocked.Increment(ref _tables)}";
        await using var leases = new PostgresLeaseStore(server.ConnectionString);
        (await leases.TryAcquireAsync(table, "a", TimeSpan.FromMinutes(1))).Should().NotBeNull("the lease store shares the database");
        return () => new PostgresShardTableStore(server.ConnectionString, table);
    }

    [Fact]
    public void A_table_name_that_is_not_a_plain_identifier_is_refused() =>
        ((Action)(() => new PostgresShardTableStore(server.ConnectionString, "x; DROP TABLE y"))).Should().Throw<ArgumentException>().WithMessage("*plain lower-case identifier*");
}
