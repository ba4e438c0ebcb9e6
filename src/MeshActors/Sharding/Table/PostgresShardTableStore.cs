using System.Text;
using System.Text.RegularExpressions;
using MeshActors.Leadership;
using Npgsql;

namespace MeshActors.Sharding.Table;

/// <summary>
/// Shard tables in the <see cref="PostgresLeaseStore"/>'s database, in two tables of their own
/// (<c>{table}</c>: the latest table per namespace; <c>{table}_diffs</c>: the history). An append is one
/// transaction that first takes a transaction-scoped advisory lock on the namespace, so concurrent writers
/// from any host queue; it then reads the latest version and token, decides, and writes both rows. The
/// diff's primary key (namespace, version) refuses a duplicate version even without the lock.
/// </summary>
public sealed partial class PostgresShardTableStore : IShardTableStore
{
    /// <summary>The table used when none is configured (the history is <c>{table}_diffs</c>).</summary>
    public const string DefaultTable = "meshactors_shard_tables";

    private readonly NpgsqlDataSource _dataSource;
    private readonly string _table;
    private readonly PostgresSchema _schema;

    /// <summary>A store over <paramref name="table"/> in the database <paramref name="connectionString"/> names
    /// (tables created on first use).</summary>
    /// <param name="connectionString">An Npgsql connection string, normally the lease store's.</param>
    /// <param name="table">A plain lower-case identifier: letters, digits and '_' (at most 56 characters).</param>
    public PostgresShardTableStore(string connectionString, string table = DefaultTable)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        if (!TableName().IsMatch(table))
        {
            throw new ArgumentException($"shard table name '{table}' must match {TableName()} (a plain lower-case identifier)", nameof(table));
        }

        _table = table;
        _dataSource = NpgsqlDataSource.Create(connectionString);
        _schema = new PostgresSchema(_dataSource, "meshactors.shard-tables." + table, $"""
            CREATE TABLE IF NOT EXISTS {table} (
              namespace text PRIMARY KEY,
              version bigint NOT NULL CHECK (version > 0),
              token bigint NOT NULL CHECK (token >= 0),
              checksum text NOT NULL,
              written_at timestamptz NOT NULL,
              body text NOT NULL);
            CREATE TABLE IF NOT EXISTS {table}_diffs (
              namespace text NOT NULL,
              to_version bigint NOT NULL,
              from_version bigint NOT NULL,
              token bigint NOT NULL,
              author text NOT NULL,
              at timestamptz NOT NULL,
              reason text NOT NULL,
              moved integer NOT NULL,
              body text NOT NULL,
              PRIMARY KEY (namespace, to_version))
            """);
    }

    /// <inheritdoc />
    public string Name => LeaseStores.Postgres;

    /// <inheritdoc />
    public async Task<ShardTable?> LoadLatestAsync(string namespaceName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(namespaceName);
        await _schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        await using var read = _dataSource.CreateCommand($"SELECT body FROM {_table} WHERE namespace = @ns");
        read.Parameters.AddWithValue("ns", namespaceName);
        return await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is string body
            ? ShardTable.Decode(Encoding.UTF8.GetBytes(body))
            : null;
    }

    /// <inheritdoc />
    public async Task<ShardTableAppendResult> AppendAsync(ShardTable table, ShardTableDiff diff, CancellationToken cancellationToken = default)
    {
        ShardTableAppendResult.CheckPair(table, diff);
        await _schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        long latest = 0, highest = 0;
        await using (var read = new NpgsqlCommand($"""
            SELECT pg_advisory_xact_lock(hashtext('meshactors.shard-table.{_table}.' || @ns));
            SELECT version, token FROM {_table} WHERE namespace = @ns
            """, connection, transaction))
        {
            read.Parameters.AddWithValue("ns", table.Namespace);
            await using var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
            if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                (latest, highest) = (reader.GetInt64(0), reader.GetInt64(1));
            }
        }

        var result = ShardTableAppendResult.Decide(latest, highest, table);
        if (!result.Appended)
        {
            return result;
        }

        await using var write = new NpgsqlCommand($"""
            INSERT INTO {_table}_diffs (namespace, to_version, from_version, token, author, at, reason, moved, body)
            VALUES (@ns, @version, @from, @token, @author, @at, @reason, @moved, @diff);
            INSERT INTO {_table} (namespace, version, token, checksum, written_at, body)
            VALUES (@ns, @version, @token, @checksum, @at, @table)
            ON CONFLICT (namespace) DO UPDATE SET version = excluded.version, token = excluded.token,
              checksum = excluded.checksum, written_at = excluded.written_at, body = excluded.body
            """, connection, transaction);
        write.Parameters.AddWithValue("ns", table.Namespace);
        write.Parameters.AddWithValue("version", table.Version);
        write.Parameters.AddWithValue("from", diff.FromVersion);
        write.Parameters.AddWithValue("token", table.FencingToken);
        write.Parameters.AddWithValue("author", diff.Author);
        write.Parameters.AddWithValue("at", diff.At.UtcDateTime);
        write.Parameters.AddWithValue("reason", diff.Reason);
        write.Parameters.AddWithValue("moved", diff.MovedShards);
        write.Parameters.AddWithValue("diff", Encoding.UTF8.GetString(diff.Encode()));
        write.Parameters.AddWithValue("checksum", table.Checksum);
        write.Parameters.AddWithValue("table", Encoding.UTF8.GetString(table.Encode()));
        await write.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return result;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ShardTableDiff>> HistoryAsync(string namespaceName, long fromVersion, long toVersion, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(namespaceName);
        await _schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        await using var read = _dataSource.CreateCommand(
            $"SELECT body FROM {_table}_diffs WHERE namespace = @ns AND from_version >= @from AND to_version <= @to ORDER BY to_version");
        read.Parameters.AddWithValue("ns", namespaceName);
        read.Parameters.AddWithValue("from", fromVersion);
        read.Parameters.AddWithValue("to", toVersion);
        var diffs = new List<ShardTableDiff>();
        await using var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            diffs.Add(ShardTableDiff.Decode(Encoding.UTF8.GetBytes(reader.GetString(0))));
        }

        return diffs;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _dataSource.DisposeAsync().ConfigureAwait(false);
        _schema.Dispose();
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,55}$")]
    private static partial Regex TableName();
}
