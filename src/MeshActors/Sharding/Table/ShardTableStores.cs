using Akka.Configuration;
using MeshActors.Leadership;

namespace MeshActors.Sharding.Table;

/// <summary>
/// Every shard-table store, by the lease store's name (<see cref="LeaseStores"/>): the table lives in the
/// database the leases live in, read from the same <c>stores</c> block (<c>sqlite.file</c>,
/// <c>postgres.connection-string</c>); the PostgreSQL tables are <see cref="PostgresShardTableStore.DefaultTable"/>.
/// </summary>
public static class ShardTableStores
{
    /// <summary>The names a configuration may choose: the lease stores'.</summary>
    public static IReadOnlyList<string> Names => LeaseStores.Names;

    /// <summary>
    /// Creates the store <paramref name="name"/> over the lease store's database; every problem is reported
    /// at once in one <see cref="ArgumentException"/>.
    /// </summary>
    /// <param name="name">A name from <see cref="Names"/> (the lease store in use).</param>
    /// <param name="stores">The lease <c>stores</c> block.</param>
    /// <param name="dataDir">The folder a relative <c>sqlite.file</c> is resolved against (the node's data-dir).</param>
    /// <param name="settingsPath">Where <paramref name="stores"/> was read from, for error messages.</param>
    public static IShardTableStore Create(string name, Config stores, string dataDir, string settingsPath = "meshactors.leadership.stores")
    {
        ArgumentNullException.ThrowIfNull(stores);
        string? error;
        switch (name)
        {
            case LeaseStores.Sqlite:
                var file = stores.GetString("sqlite.file", "");
                if (!string.IsNullOrWhiteSpace(file))
                {
                    return new SqliteShardTableStore(Path.Combine(dataDir, file));
                }

                error = $"{settingsPath}.sqlite.file is empty: name the SQLite file leases and shard tables are kept in (relative to meshactors.node.data-dir)";
                break;
            case LeaseStores.Postgres:
                var connectionString = stores.GetString("postgres.connection-string", "");
                if (!string.IsNullOrWhiteSpace(connectionString))
                {
                    return new PostgresShardTableStore(connectionString);
                }

                error = $"{settingsPath}.postgres.connection-string is empty: set an Npgsql connection string (Host=…;Database=…;Username=…)";
                break;
            case LeaseStores.Cluster:
                error = "the cluster lease store keeps leases in memory and Akka.DistributedData, with no database for shard tables and their history; use sqlite or postgres as the lease store to keep shard tables";
                break;
            default:
                error = $"shard table store '{name}' is not one of: {string.Join(", ", Names)}";
                break;
        }

        throw new ArgumentException("Invalid shard table store settings:" + Environment.NewLine + "  - " + error);
    }
}
