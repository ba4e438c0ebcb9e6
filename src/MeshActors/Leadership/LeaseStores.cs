using Akka.Actor;
using Akka.Configuration;

namespace MeshActors.Leadership;

/// <summary>
/// Every lease store, by the name configuration uses (<c>meshactors.leadership.lease.store</c>), in one
/// place. A store's settings come from a <c>stores</c> block shaped like <c>meshactors.leadership.stores</c>.
/// </summary>
public static class LeaseStores
{
    /// <summary>One SQLite file on this host (<see cref="SqliteLeaseStore"/>); the default.</summary>
    public const string Sqlite = "sqlite";

    /// <summary>A PostgreSQL table shared by every host (<see cref="PostgresLeaseStore"/>).</summary>
    public const string Postgres = "postgres";

    /// <summary>The cluster itself, no external store (<see cref="ClusterLeaseStore"/>); needs the node's ActorSystem.</summary>
    public const string Cluster = "cluster";

    /// <summary>The names a configuration may choose.</summary>
    public static IReadOnlyList<string> Names { get; } = [Sqlite, Postgres, Cluster];

    /// <summary>
    /// Creates the store <paramref name="name"/> from <paramref name="stores"/>, after checking its
    /// settings; every problem is reported at once in one <see cref="ArgumentException"/>.
    /// </summary>
    /// <param name="name">A name from <see cref="Names"/>.</param>
    /// <param name="stores">The <c>stores</c> block (<c>sqlite.file</c>, <c>postgres.connection-string</c>, <c>postgres.table</c>).</param>
    /// <param name="dataDir">The folder a relative <c>sqlite.file</c> is resolved against (the node's data-dir).</param>
    /// <param name="settingsPath">Where <paramref name="stores"/> was read from, for error messages.</param>
    public static ILeaseStore Create(string name, Config stores, string dataDir, string settingsPath = "meshactors.leadership.stores") =>
        Create(name, stores, dataDir, system: null, settingsPath);

    /// <summary>
    /// Creates the store <paramref name="name"/> from <paramref name="stores"/>, after checking its
    /// settings; every problem is reported at once in one <see cref="ArgumentException"/>. The
    /// <c>cluster</c> store runs in <paramref name="system"/>, so it needs one.
    /// </summary>
    /// <param name="name">A name from <see cref="Names"/>.</param>
    /// <param name="stores">The <c>stores</c> block (<c>sqlite.*</c>, <c>postgres.*</c>, <c>cluster.*</c>).</param>
    /// <param name="dataDir">The folder a relative <c>sqlite.file</c> is resolved against (the node's data-dir).</param>
    /// <param name="system">The node's cluster ActorSystem; required by the <c>cluster</c> store, unused by the others.</param>
    /// <param name="settingsPath">Where <paramref name="stores"/> was read from, for error messages.</param>
    public static ILeaseStore Create(string name, Config stores, string dataDir, ActorSystem? system, string settingsPath = "meshactors.leadership.stores")
    {
        var errors = new List<string>();
        ILeaseStore? store = null;
        switch (name)
        {
            case Sqlite:
                var file = stores.GetString("sqlite.file", "");
                if (string.IsNullOrWhiteSpace(file))
                {
                    errors.Add($"{settingsPath}.sqlite.file is empty: name the SQLite file leases are kept in (relative to meshactors.node.data-dir)");
                }
                else
                {
                    store = new SqliteLeaseStore(Path.Combine(dataDir, file));
                }

                break;
            case Postgres:
                var connectionString = stores.GetString("postgres.connection-string", "");
                var table = stores.GetString("postgres.table", PostgresLeaseStore.DefaultTable);
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    errors.Add($"{settingsPath}.postgres.connection-string is empty: set an Npgsql connection string (Host=…;Database=…;Username=…)");
                }

                if (errors.Count == 0)
                {
                    try
                    {
                        store = new PostgresLeaseStore(connectionString, table);
                    }
                    catch (ArgumentException e)
                    {
                        errors.Add($"{settingsPath}.postgres: {e.Message}");
                    }
                }

                break;
            case Cluster:
                var settings = ClusterLeaseStoreSettings.FromConfig(stores.GetConfig("cluster"), $"{settingsPath}.cluster", errors);
                if (system is null)
                {
                    errors.Add($"store = \"{Cluster}\" runs in the node's ActorSystem, and none was given: open it through MeshLease (Akka's LeaseProvider) or pass the ActorSystem to LeaseStores.Create");
                }
                else if (settings is not null)
                {
                    store = new ClusterLeaseStore(system, settings);
                }

                break;
            default:
                errors.Add($"lease store '{name}' is not one of: {string.Join(", ", Names)}");
                break;
        }

        return errors.Count == 0 && store is not null
            ? store
            : throw new ArgumentException("Invalid lease store settings:" + Environment.NewLine + string.Join(Environment.NewLine, errors.Select(e => "  - " + e)));
    }
}
