using System.Text;
using MeshActors.Leadership;
using Microsoft.Data.Sqlite;

namespace MeshActors.Sharding.Table;

/// <summary>
/// Shard tables in the <see cref="SqliteLeaseStore"/>'s file, in tables of their own (<c>shard_tables</c>:
/// the latest table per namespace; <c>shard_table_diffs</c>: the history). An append is one
/// <c>BEGIN IMMEDIATE</c> transaction (SQLite's write lock) that reads the latest version and token,
/// decides, and writes both rows, so concurrent writers in any process on the host are serialized.
/// </summary>
public sealed class SqliteShardTableStore : IShardTableStore
{
    private readonly string _connectionString;
    private readonly SemaphoreSlim _schemaGate = new(1, 1);
    private bool _schemaReady;

    /// <summary>A store over <paramref name="path"/>, normally the lease store's file (created with its folder when missing).</summary>
    public SqliteShardTableStore(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = Path, Pooling = false, DefaultTimeout = 30 }.ToString();
    }

    /// <summary>The file's full path.</summary>
    public string Path { get; }

    /// <inheritdoc />
    public string Name => LeaseStores.Sqlite;

    /// <inheritdoc />
    public async Task<ShardTable?> LoadLatestAsync(string namespaceName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(namespaceName);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var read = connection.CreateCommand();
        read.CommandText = "SELECT body FROM shard_tables WHERE namespace = $ns";
        read.Parameters.AddWithValue("$ns", namespaceName);
        return await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is string body
            ? ShardTable.Decode(Encoding.UTF8.GetBytes(body))
            : null;
    }

    /// <inheritdoc />
    public async Task<ShardTableAppendResult> AppendAsync(ShardTable table, ShardTableDiff diff, CancellationToken cancellationToken = default)
    {
        ShardTableAppendResult.CheckPair(table, diff);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = connection.BeginTransaction(deferred: false); // BEGIN IMMEDIATE: the write lock first
        long latest = 0, highest = 0;
        await using (var read = connection.CreateCommand())
        {
            read.Transaction = transaction;
            read.CommandText = "SELECT version, token FROM shard_tables WHERE namespace = $ns";
            read.Parameters.AddWithValue("$ns", table.Namespace);
            await using var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
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

        await using var write = connection.CreateCommand();
        write.Transaction = transaction;
        write.CommandText = """
            INSERT INTO shard_table_diffs (namespace, to_version, from_version, token, author, at, reason, moved, body)
            VALUES ($ns, $version, $from, $token, $author, $at, $reason, $moved, $diff);
            INSERT INTO shard_tables (namespace, version, token, checksum, written_at, body)
            VALUES ($ns, $version, $token, $checksum, $at, $table)
            ON CONFLICT (namespace) DO UPDATE SET version = excluded.version, token = excluded.token,
              checksum = excluded.checksum, written_at = excluded.written_at, body = excluded.body
            """;
        write.Parameters.AddWithValue("$ns", table.Namespace);
        write.Parameters.AddWithValue("$version", table.Version);
        write.Parameters.AddWithValue("$from", diff.FromVersion);
        write.Parameters.AddWithValue("$token", table.FencingToken);
        write.Parameters.AddWithValue("$author", diff.Author);
        write.Parameters.AddWithValue("$at", diff.At.ToUnixTimeMilliseconds());
        write.Parameters.AddWithValue("$reason", diff.Reason);
        write.Parameters.AddWithValue("$moved", diff.MovedShards);
        write.Parameters.AddWithValue("$diff", Encoding.UTF8.GetString(diff.Encode()));
        write.Parameters.AddWithValue("$checksum", table.Checksum);
        write.Parameters.AddWithValue("$table", Encoding.UTF8.GetString(table.Encode()));
        await write.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return result;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ShardTableDiff>> HistoryAsync(string namespaceName, long fromVersion, long toVersion, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(namespaceName);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var read = connection.CreateCommand();
        read.CommandText = "SELECT body FROM shard_table_diffs WHERE namespace = $ns AND from_version >= $from AND to_version <= $to ORDER BY to_version";
        read.Parameters.AddWithValue("$ns", namespaceName);
        read.Parameters.AddWithValue("$from", fromVersion);
        read.Parameters.AddWithValue("$to", toVersion);
        var diffs = new List<ShardTableDiff>();
        await using var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            diffs.Add(ShardTableDiff.Decode(Encoding.UTF8.GetBytes(reader.GetString(0))));
        }

        return diffs;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        _schemaGate.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        if (_schemaReady)
        {
            return connection;
        }

        await _schemaGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var create = connection.CreateCommand();
            create.CommandText = """
                PRAGMA journal_mode = WAL;
                CREATE TABLE IF NOT EXISTS shard_tables (
                  namespace TEXT PRIMARY KEY NOT NULL,
                  version INTEGER NOT NULL,
                  token INTEGER NOT NULL,
                  checksum TEXT NOT NULL,
                  written_at INTEGER NOT NULL,
                  body TEXT NOT NULL);
                CREATE TABLE IF NOT EXISTS shard_table_diffs (
                  namespace TEXT NOT NULL,
                  to_version INTEGER NOT NULL,
                  from_version INTEGER NOT NULL,
                  token INTEGER NOT NULL,
                  author TEXT NOT NULL,
                  at INTEGER NOT NULL,
                  reason TEXT NOT NULL,
                  moved INTEGER NOT NULL,
                  body TEXT NOT NULL,
                  PRIMARY KEY (namespace, to_version))
                """;
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            _schemaReady = true;
        }
        finally
        {
            _schemaGate.Release();
        }

        return connection;
    }
}
