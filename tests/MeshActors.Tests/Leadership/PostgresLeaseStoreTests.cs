using MeshActors.Leadership;
using Npgsql;

namespace MeshActors.Tests.Leadership;

/// <summary>The conformance suite against a real PostgreSQL server the class starts itself. Time is the
/// database's own clock, so expiry is real: a short ttl, and the suite waits on conditions with a deadline.
/// Each test gets its own table in the one server.</summary>
public sealed class PostgresLeaseStoreTests(PostgresServer server) : LeaseStoreConformance, IClassFixture<PostgresServer>
{
    private static int _tables;

    protected override Task<ILeaseStoreTestbed> CreateTestbedAsync() =>
        Task.FromResult<ILeaseStoreTestbed>(new Testbed(server.ConnectionString, $"leases_{Interlocked.Increment(ref _tables)}"));

    [Fact]
    public async Task Expiry_is_judged_by_the_database_clock()
    {
        await using var store = new PostgresLeaseStore(server.ConnectionString, "leases_clock");
        var grant = (await store.TryAcquireAsync("leader", "a", TimeSpan.FromMinutes(1)))!;

        await using var source = NpgsqlDataSource.Create(server.ConnectionString);
        await using var now = source.CreateCommand("SELECT now()");
        var databaseNow = new DateTimeOffset(DateTime.SpecifyKind((DateTime)(await now.ExecuteScalarAsync())!, DateTimeKind.Utc));

        grant.AcquiredAt.Should().BeCloseTo(databaseNow, TimeSpan.FromSeconds(5));
        (grant.ExpiresAt - grant.AcquiredAt).Should().Be(TimeSpan.FromMinutes(1));
    }

    private sealed class Testbed(string connectionString, string table) : ILeaseStoreTestbed
    {
        public string StoreName => LeaseStores.Postgres;

        public TimeSpan ShortTtl => TimeSpan.FromSeconds(1);

        public ILeaseStore OpenClient() => new PostgresLeaseStore(connectionString, table);

        public void Pass(TimeSpan time)
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
