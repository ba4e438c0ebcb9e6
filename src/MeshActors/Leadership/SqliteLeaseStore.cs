using Microsoft.Data.Sqlite;

namespace MeshActors.Leadership;

/// <summary>
/// Leases in one SQLite file: the default store for a single host. Every operation is one
/// <c>BEGIN IMMEDIATE</c> transaction (SQLite's write lock), so concurrent clients in any number of
/// processes on the host are serialized and cannot both win. Expiry uses <see cref="TimeProvider"/>
/// (the host's clock, shared by every client of the file). Not for several hosts: a file on a network
/// share gives none of these guarantees.
/// </summary>
public sealed class SqliteLeaseStore : ILeaseStore
{
    private readonly string _connectionString;
    private readonly TimeProvider _clock;
    private readonly SemaphoreSlim _schemaGate = new(1, 1);
    private bool _schemaReady;

    /// <summary>A store over <paramref name="path"/> (created with its folder when missing).</summary>
    /// <param name="path">The SQLite file.</param>
    /// <param name="clock">The clock expiry is judged by; <see cref="TimeProvider.System"/> when omitted.</param>
    public SqliteLeaseStore(string path, TimeProvider? clock = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        _clock = clock ?? TimeProvider.System;
        _connectionString = new SqliteConnectionStringBuilder { DataSource = Path, Pooling = false, DefaultTimeout = 30 }.ToString();
    }

    /// <summary>The file's full path.</summary>
    public string Path { get; }

    /// <inheritdoc />
    public string Name => LeaseStores.Sqlite;

    /// <inheritdoc />
    public Task<LeaseGrant?> TryAcquireAsync(string lease, string owner, TimeSpan ttl, CancellationToken cancellationToken = default)
    {
        LeaseRules.Validate(lease, owner, ttl);
        return WriteAsync(lease, (row, now) => LeaseRules.Acquire(row, lease, owner, now, ttl), cancellationToken);
    }

    /// <inheritdoc />
    public Task<LeaseGrant?> TryRenewAsync(string lease, string owner, long token, TimeSpan ttl, CancellationToken cancellationToken = default)
    {
        LeaseRules.Validate(lease, owner, ttl);
        return WriteAsync(lease, (row, now) => LeaseRules.Renew(row, owner, token, now, ttl), cancellationToken);
    }

    /// <inheritdoc />
    public async Task<bool> ReleaseAsync(string lease, string owner, long token, CancellationToken cancellationToken = default)
    {
        LeaseRules.Validate(lease, owner);
        var released = false;
        await WriteAsync(lease, (row, now) =>
        {
            var next = LeaseRules.Release(row, owner, token, now);
            released = next is not null;
            return next;
        }, cancellationToken).ConfigureAwait(false);
        return released;
    }

    /// <inheritdoc />
    public async Task<LeaseState> ReadAsync(string lease, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(lease);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var row = await ReadRowAsync(connection, null, lease, cancellationToken).ConfigureAwait(false);
        return LeaseRules.View(lease, row, _clock.GetUtcNow());
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        _schemaGate.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task<LeaseGrant?> WriteAsync(string lease, Func<LeaseRow?, DateTimeOffset, LeaseRow?> decide, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = connection.BeginTransaction(deferred: false); // BEGIN IMMEDIATE: the write lock first
        var row = await ReadRowAsync(connection, transaction, lease, cancellationToken).ConfigureAwait(false);
        var next = decide(row, _clock.GetUtcNow());
        if (next is null)
        {
            return null;
        }

        await using var write = connection.CreateCommand();
        write.Transaction = transaction;
        write.CommandText = """
            INSERT INTO leases (name, owner, token, acquired_at, expires_at) VALUES ($name, $owner, $token, $acquired, $expires)
            ON CONFLICT (name) DO UPDATE SET owner = excluded.owner, token = excluded.token,
              acquired_at = excluded.acquired_at, expires_at = excluded.expires_at
            """;
        write.Parameters.AddWithValue("$name", lease);
        write.Parameters.AddWithValue("$owner", (object?)next.Owner ?? DBNull.Value);
        write.Parameters.AddWithValue("$token", next.Token);
        write.Parameters.AddWithValue("$acquired", next.AcquiredAt.ToUnixTimeMilliseconds());
        write.Parameters.AddWithValue("$expires", next.ExpiresAt.ToUnixTimeMilliseconds());
        await write.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return next.Owner is null ? null : next.ToGrant();
    }

    private static async Task<LeaseRow?> ReadRowAsync(SqliteConnection connection, SqliteTransaction? transaction, string lease, CancellationToken cancellationToken)
    {
        await using var read = connection.CreateCommand();
        read.Transaction = transaction;
        read.CommandText = "SELECT owner, token, acquired_at, expires_at FROM leases WHERE name = $name";
        read.Parameters.AddWithValue("$name", lease);
        await using var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        return new LeaseRow(
            lease,
            reader.IsDBNull(0) ? null : reader.GetString(0),
            reader.GetInt64(1),
            DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)),
            DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)));
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        if (!_schemaReady)
        {
            await EnsureSchemaAsync(connection, cancellationToken).ConfigureAwait(false);
        }

        return connection;
    }

    private async Task EnsureSchemaAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await _schemaGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_schemaReady)
            {
                return;
            }

            await using var create = connection.CreateCommand();
            create.CommandText = """
                PRAGMA journal_mode = WAL;
                CREATE TABLE IF NOT EXISTS leases (
                  name TEXT PRIMARY KEY NOT NULL,
                  owner TEXT NULL,
                  token INTEGER NOT NULL,
                  acquired_at INTEGER NOT NULL,
                  expires_at INTEGER NOT NULL)
                """;
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            _schemaReady = true;
        }
        finally
        {
            _schemaGate.Release();
        }
    }
}
