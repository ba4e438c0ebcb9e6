using System.Text.RegularExpressions;
using Npgsql;

namespace MeshActors.Leadership;

/// <summary>
/// Leases in one PostgreSQL table: the production store for several hosts. Each operation is a
/// single statement: acquire is an <c>INSERT … ON CONFLICT DO UPDATE … WHERE … RETURNING</c>, which
/// PostgreSQL runs atomically with the row locked, so of many concurrent acquirers exactly one wins
/// and the token becomes <c>token + 1</c> in the same write. Expiry is judged by the database's
/// clock (<c>now()</c>), never a client's, so client clock skew cannot make two holders.
/// </summary>
public sealed partial class PostgresLeaseStore : ILeaseStore
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly string _table;
    private readonly PostgresSchema _schema;

    /// <summary>A store over <paramref name="table"/> in the database <paramref name="connectionString"/> names
    /// (the table is created on first use).</summary>
    /// <param name="connectionString">An Npgsql connection string.</param>
    /// <param name="table">A plain lower-case identifier: letters, digits and '_'.</param>
    public PostgresLeaseStore(string connectionString, string table = DefaultTable)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        if (!TableName().IsMatch(table))
        {
            throw new ArgumentException($"lease table name '{table}' must match {TableName()} (a plain lower-case identifier)", nameof(table));
        }

        _table = table;
        _dataSource = NpgsqlDataSource.Create(connectionString);
        _schema = new PostgresSchema(_dataSource, "meshactors.leases." + table, $"""
            CREATE TABLE IF NOT EXISTS {table} (
              name text PRIMARY KEY,
              owner text NULL,
              token bigint NOT NULL CHECK (token > 0),
              acquired_at timestamptz NOT NULL,
              expires_at timestamptz NOT NULL)
            """);
    }

    /// <summary>The table used when none is configured.</summary>
    public const string DefaultTable = "meshactors_leases";

    /// <inheritdoc />
    public string Name => LeaseStores.Postgres;

    /// <inheritdoc />
    public Task<LeaseGrant?> TryAcquireAsync(string lease, string owner, TimeSpan ttl, CancellationToken cancellationToken = default)
    {
        LeaseRules.Validate(lease, owner, ttl);
        // The same rules as LeaseRules.Acquire, on the database clock: the WHERE refuses a live term of
        // another owner; otherwise the row (locked by ON CONFLICT) gets the next token.
        return GrantAsync($"""
            INSERT INTO {_table} AS l (name, owner, token, acquired_at, expires_at)
            VALUES (@name, @owner, 1, now(), now() + @ttl)
            ON CONFLICT (name) DO UPDATE SET owner = excluded.owner, token = l.token + 1,
              acquired_at = excluded.acquired_at, expires_at = excluded.expires_at
            WHERE l.owner IS NULL OR l.expires_at <= now() OR l.owner = excluded.owner
            RETURNING token, acquired_at, expires_at
            """, lease, owner, token: null, ttl, cancellationToken);
    }

    /// <inheritdoc />
    public Task<LeaseGrant?> TryRenewAsync(string lease, string owner, long token, TimeSpan ttl, CancellationToken cancellationToken = default)
    {
        LeaseRules.Validate(lease, owner, ttl);
        return GrantAsync($"""
            UPDATE {_table} SET expires_at = now() + @ttl
            WHERE name = @name AND owner = @owner AND token = @token AND expires_at > now()
            RETURNING token, acquired_at, expires_at
            """, lease, owner, token, ttl, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<bool> ReleaseAsync(string lease, string owner, long token, CancellationToken cancellationToken = default)
    {
        LeaseRules.Validate(lease, owner);
        await _schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        await using var command = _dataSource.CreateCommand(
            $"UPDATE {_table} SET owner = NULL, expires_at = now() WHERE name = @name AND owner = @owner AND token = @token");
        command.Parameters.AddWithValue("name", lease);
        command.Parameters.AddWithValue("owner", owner);
        command.Parameters.AddWithValue("token", token);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <inheritdoc />
    public async Task<LeaseState> ReadAsync(string lease, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(lease);
        await _schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        await using var command = _dataSource.CreateCommand(
            $"SELECT owner, token, acquired_at, expires_at, now() FROM {_table} WHERE name = @name");
        command.Parameters.AddWithValue("name", lease);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return new LeaseState(lease, null, 0);
        }

        var row = new LeaseRow(lease, reader.IsDBNull(0) ? null : reader.GetString(0), reader.GetInt64(1), Utc(reader, 2), Utc(reader, 3));
        return LeaseRules.View(lease, row, Utc(reader, 4));
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _dataSource.DisposeAsync().ConfigureAwait(false);
        _schema.Dispose();
    }

    private async Task<LeaseGrant?> GrantAsync(string sql, string lease, string owner, long? token, TimeSpan ttl, CancellationToken cancellationToken)
    {
        await _schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        await using var command = _dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("name", lease);
        command.Parameters.AddWithValue("owner", owner);
        command.Parameters.AddWithValue("ttl", ttl);
        if (token is { } t)
        {
            command.Parameters.AddWithValue("token", t);
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new LeaseGrant(lease, owner, reader.GetInt64(0), Utc(reader, 1), Utc(reader, 2))
            : null;
    }

    private static DateTimeOffset Utc(NpgsqlDataReader reader, int ordinal) =>
        new(DateTime.SpecifyKind(reader.GetDateTime(ordinal), DateTimeKind.Utc));

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex TableName();
}
