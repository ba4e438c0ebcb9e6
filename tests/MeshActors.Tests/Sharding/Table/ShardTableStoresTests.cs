using Akka.Configuration;
using MeshActors.Leadership;
using MeshActors.Sharding.Table;

namespace MeshActors.Tests.Sharding.Table;

public sealed class ShardTableStoresTests
{
    [Fact]
    public async Task The_sqlite_store_uses_the_lease_store_file()
    {
        var stores = ConfigurationFactory.ParseString("""sqlite.file = "state/leases.db" """);
        var dataDir = Path.Combine(Path.GetTempPath(), "meshactors-stores-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using var leases = (SqliteLeaseStore)LeaseStores.Create(LeaseStores.Sqlite, stores, dataDir);
            await using var tables = ShardTableStores.Create(LeaseStores.Sqlite, stores, dataDir);

            ((SqliteShardTableStore)tables).Path.Should().Be(leases.Path);
            tables.Name.Should().Be(leases.Name);
        }
        finally
        {
            if (Directory.Exists(dataDir))
            {
                Directory.Delete(dataDir, recursive: true);
            }
        }
    }

    [Theory]
    [InlineData("postgres", "", "*postgres.connection-string is empty*")]
    [InlineData("sqlite", "sqlite.file = \"\"", "*sqlite.file is empty*")]
    [InlineData("cluster", "", "*the cluster lease store keeps leases in memory*use sqlite or postgres*")]
    [InlineData("etcd", "", "*'etcd' is not one of: sqlite, postgres, cluster*")]
    public void Bad_settings_are_refused_with_the_setting_to_fix(string name, string hocon, string message)
    {
        var act = () => ShardTableStores.Create(name, ConfigurationFactory.ParseString(hocon), "/tmp");
        act.Should().Throw<ArgumentException>().WithMessage(message);
    }
}
