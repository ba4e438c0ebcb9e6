using Npgsql;

namespace MeshActors.Leadership;

/// <summary>
/// Creates a store's PostgreSQL tables once per client, before its first statement. Clients in other
/// processes may create them at the same moment, and <c>CREATE TABLE IF NOT EXISTS</c> alone can then
/// fail on the catalog's unique index, so creators queue on a transaction-scoped advisory lock named
/// after <paramref name="lockName"/>. Shared by the lease store and the shard-table store.
/// </summary>
/// <param name="dataSource">The store's connections.</param>
/// <param name="lockName">The advisory lock's name, unique per set of tables.</param>
/// <param name="ddl">The <c>CREATE TABLE IF NOT EXISTS</c> statements.</param>
internal sealed class PostgresSchema(NpgsqlDataSource dataSource, string lockName, string ddl) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile bool _ready;

    /// <summary>Creates the tables unless this client did already.</summary>
    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        if (_ready)
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_ready)
            {
                return;
            }

            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using var create = new NpgsqlCommand($"SELECT pg_advisory_xact_lock(hashtext('{lockName}'));\n{ddl}", connection, transaction);
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            _ready = true;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _gate.Dispose();
}
