using System.Globalization;
using MeshActors.Diagnostics;
using MeshActors.Discovery;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace MeshActors.Discovery.PeerCache;

/// <summary>
/// The peer cache's SQLite file: one row per peer (node id, address, last seen, successes,
/// failures, and the overlay's score and ban end, see <c>Views/Scoring</c>). A file written before
/// the overlay columns existed gets them added, empty, when it is opened. Every write is its own transaction, so a crash loses at most the write under way.
/// A file that cannot be opened or fails its integrity check is logged and moved aside, and a
/// fresh one takes its place; if even that fails the cache lives in memory for this run. Errors
/// after opening are logged, never thrown: the cache is a help, not a dependency.
/// </summary>
internal sealed class PeerCacheStore : IDisposable
{
    private readonly Lock _gate = new();
    private readonly ILogger _log;
    private readonly SqliteConnection _connection;
    private bool _writeFailureLogged;

    private PeerCacheStore(SqliteConnection connection, string location, ILogger log)
    {
        _connection = connection;
        Location = location;
        _log = log;
    }

    /// <summary>The file in use, or <c>":memory:"</c>.</summary>
    public string Location { get; }

    public static PeerCacheStore Open(string path, ILogger log, TimeProvider time)
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            MeshLog.PeerCacheInMemory(log, path, ex.Message);
            return InMemory(log);
        }

        if (TryOpen(path, out var connection, out var problem))
        {
            return new PeerCacheStore(connection, path, log);
        }

        if (!File.Exists(path))
        {
            MeshLog.PeerCacheInMemory(log, path, problem);
            return InMemory(log);
        }

        var aside = $"{path}.corrupt-{time.GetUtcNow():yyyyMMddHHmmss}";
        try
        {
            SqliteConnection.ClearAllPools();
            File.Move(path, aside, overwrite: true);
            foreach (var suffix in new[] { "-wal", "-shm" })
            {
                if (File.Exists(path + suffix))
                {
                    File.Move(path + suffix, aside + suffix, overwrite: true);
                }
            }

            MeshLog.PeerCacheSetAside(log, path, problem, aside);
            if (TryOpen(path, out connection, out problem))
            {
                return new PeerCacheStore(connection, path, log);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problem = ex.Message;
        }

        MeshLog.PeerCacheInMemory(log, path, problem);
        return InMemory(log);
    }

    private static PeerCacheStore InMemory(ILogger log)
    {
        TryOpen(":memory:", out var connection, out _);
        return new PeerCacheStore(connection, ":memory:", log);
    }

    public void Accepted(string nodeId, NodeAddress address, DateTimeOffset now) => Write(
        "INSERT INTO peers (node_id, address, last_seen, successes, failures) VALUES ($id, $address, $now, 1, 0) " +
        "ON CONFLICT(node_id) DO UPDATE SET address = $address, last_seen = $now, successes = successes + 1, failures = 0",
        ("$id", nodeId),
        ("$address", address.ToString()),
        ("$now", now.ToUnixTimeMilliseconds()));

    public void Failed(string nodeId) => Write("UPDATE peers SET failures = failures + 1 WHERE node_id = $id", ("$id", nodeId));

    public bool Forget(string key) => Write("DELETE FROM peers WHERE node_id = $key OR address = $key", ("$key", key)) > 0;

    /// <summary>Drops peers not seen for <paramref name="forgetAfter"/>, then all but the <paramref name="maxPeers"/> best-scored.</summary>
    public void Prune(int maxPeers, TimeSpan forgetAfter, DateTimeOffset now)
    {
        Write("DELETE FROM peers WHERE last_seen < $cutoff", ("$cutoff", (now - forgetAfter).ToUnixTimeMilliseconds()));
        var all = All();
        foreach (var peer in all.OrderByDescending(p => p.ScoreAt(now, forgetAfter)).Skip(maxPeers))
        {
            Forget(peer.NodeId);
        }
    }

    /// <summary>Saves the overlay's base score and ban end (null: not banned) of a peer already in the cache.</summary>
    /// <returns>False when the cache has no row for <paramref name="nodeId"/> (nothing is saved) or the write failed.</returns>
    public bool SaveOverlayScore(string nodeId, double score, DateTimeOffset? bannedUntil) => Write(
        "UPDATE peers SET overlay_score = $score, overlay_ban_until = $until WHERE node_id = $id",
        ("$id", nodeId),
        ("$score", double.IsFinite(score) ? score : DBNull.Value),
        ("$until", bannedUntil is { } until ? until.ToUnixTimeMilliseconds() : DBNull.Value)) > 0;

    /// <summary>Every peer with a saved overlay score or ban.</summary>
    public List<SavedOverlayScore> OverlayScores()
    {
        var scores = new List<SavedOverlayScore>();
        lock (_gate)
        {
            try
            {
                using var command = _connection.CreateCommand();
                command.CommandText = "SELECT node_id, overlay_score, overlay_ban_until FROM peers WHERE overlay_score IS NOT NULL OR overlay_ban_until IS NOT NULL";
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    scores.Add(new SavedOverlayScore(
                        reader.GetString(0),
                        reader.IsDBNull(1) ? 0 : reader.GetDouble(1),
                        reader.IsDBNull(2) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2))));
                }
            }
            catch (SqliteException ex)
            {
                MeshLog.PeerCacheFailed(_log, Location, "read", ex.Message);
            }
        }

        return scores;
    }

    public List<CachedPeer> All()
    {
        var peers = new List<CachedPeer>();
        lock (_gate)
        {
            try
            {
                using var command = _connection.CreateCommand();
                command.CommandText = "SELECT node_id, address, last_seen, successes, failures FROM peers";
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    if (NodeAddress.TryParse(reader.GetString(1), out var address, out _))
                    {
                        peers.Add(new CachedPeer(reader.GetString(0), address, DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)), reader.GetInt32(3), reader.GetInt32(4)));
                    }
                }
            }
            catch (SqliteException ex)
            {
                MeshLog.PeerCacheFailed(_log, Location, "read", ex.Message);
            }
        }

        return peers;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _connection.Dispose();
        }
    }

    private static bool TryOpen(string path, out SqliteConnection connection, out string problem)
    {
        connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        try
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;";
            command.ExecuteNonQuery();
            command.CommandText = "PRAGMA quick_check;";
            var check = Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture);
            if (check != "ok")
            {
                throw new InvalidDataException($"integrity check says: {check}");
            }

            command.CommandText = "CREATE TABLE IF NOT EXISTS peers (node_id TEXT PRIMARY KEY NOT NULL, address TEXT NOT NULL, last_seen INTEGER NOT NULL, successes INTEGER NOT NULL, failures INTEGER NOT NULL)";
            command.ExecuteNonQuery();
            AddOverlayColumns(command);
            command.CommandText = "SELECT node_id, address, last_seen, successes, failures, overlay_score, overlay_ban_until FROM peers LIMIT 0";
            command.ExecuteNonQuery();
            problem = string.Empty;
            return true;
        }
        catch (Exception ex) when (ex is SqliteException or InvalidDataException or InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            connection.Dispose();
            problem = ex.Message;
            return false;
        }
    }

    /// <summary>Adds the overlay columns to a file written before they existed (both nullable, so old rows read as "no score").</summary>
    private static void AddOverlayColumns(SqliteCommand command)
    {
        command.CommandText = "SELECT name FROM pragma_table_info('peers')";
        var columns = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                columns.Add(reader.GetString(0));
            }
        }

        foreach (var (name, type) in new[] { ("overlay_score", "REAL"), ("overlay_ban_until", "INTEGER") })
        {
            if (!columns.Contains(name))
            {
                command.CommandText = $"ALTER TABLE peers ADD COLUMN {name} {type} NULL";
                command.ExecuteNonQuery();
            }
        }
    }

    private int Write(string sql, params (string Name, object Value)[] parameters)
    {
        lock (_gate)
        {
            try
            {
                using var command = _connection.CreateCommand();
                command.CommandText = sql;
                foreach (var (name, value) in parameters)
                {
                    command.Parameters.AddWithValue(name, value);
                }

                return command.ExecuteNonQuery();
            }
            catch (SqliteException ex)
            {
                if (!_writeFailureLogged)
                {
                    _writeFailureLogged = true;
                    MeshLog.PeerCacheFailed(_log, Location, "write", ex.Message);
                }

                return 0;
            }
        }
    }
}
