using MeshActors.Discovery;
using MeshActors.Discovery.PeerCache;
using MeshActors.Views.Scoring;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace MeshActors.Tests.Discovery.PeerCache;

/// <summary>The overlay's score and ban end per node id, kept in the peer cache's SQLite file.</summary>
public sealed class PeerCacheOverlayScoreTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);
    private readonly string _folder = Directory.CreateTempSubdirectory("meshactors-peercache-overlay-").FullName;

    private string DbPath => Path.Combine(_folder, "peers.db");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Scores_and_bans_survive_reopening_and_restore_into_a_score_book()
    {
        using (var store = PeerCacheStore.Open(DbPath, NullLogger.Instance, TimeProvider.System))
        {
            store.Accepted("n1", NodeAddress.Parse("10.0.0.1:7946"), T0);
            store.Accepted("n2", NodeAddress.Parse("10.0.0.2:7946"), T0);
            store.Accepted("n3", NodeAddress.Parse("10.0.0.3:7946"), T0);
            store.SaveOverlayScore("n1", 42.5, null).Should().BeTrue();
            store.SaveOverlayScore("n2", -30, T0.AddMinutes(2)).Should().BeTrue();
            store.SaveOverlayScore("unknown", 1, null).Should().BeFalse("only peers the cache holds get a score");
        }

        using var reopened = PeerCacheStore.Open(DbPath, NullLogger.Instance, TimeProvider.System);
        var saved = reopened.OverlayScores().OrderBy(s => s.NodeId).ToList();
        saved.Should().Equal(new SavedOverlayScore("n1", 42.5, null), new SavedOverlayScore("n2", -30, T0.AddMinutes(2)));

        var book = saved.Aggregate(PeerScoreBook.Empty(ScoringOptions.Default), (b, s) => b.Restore(s.NodeId, s.Score, s.BannedUntil, T0));
        book.Score("n1").Should().Be(42.5);
        book.IsBanned("n2", T0.AddMinutes(1)).Should().BeTrue();
    }

    [Fact]
    public void Accepting_a_peer_again_keeps_its_overlay_score_and_clearing_the_ban_saves_null()
    {
        using var store = PeerCacheStore.Open(DbPath, NullLogger.Instance, TimeProvider.System);
        store.Accepted("n1", NodeAddress.Parse("10.0.0.1:7946"), T0);
        store.SaveOverlayScore("n1", -25, T0.AddSeconds(30));

        store.Accepted("n1", NodeAddress.Parse("10.0.0.1:7946"), T0.AddMinutes(1));
        store.OverlayScores().Should().Equal(new SavedOverlayScore("n1", -25, T0.AddSeconds(30)));

        store.SaveOverlayScore("n1", 0, null);
        store.OverlayScores().Should().Equal(new SavedOverlayScore("n1", 0, null));
    }

    [Fact]
    public void A_file_of_the_old_schema_is_migrated_and_keeps_its_peers()
    {
        using (var old = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DbPath, Pooling = false }.ToString()))
        {
            old.Open();
            using var command = old.CreateCommand();
            command.CommandText =
                "CREATE TABLE peers (node_id TEXT PRIMARY KEY NOT NULL, address TEXT NOT NULL, last_seen INTEGER NOT NULL, successes INTEGER NOT NULL, failures INTEGER NOT NULL);" +
                $"INSERT INTO peers VALUES ('old', '10.0.0.7:7946', {T0.ToUnixTimeMilliseconds()}, 3, 1);";
            command.ExecuteNonQuery();
        }

        using (var store = PeerCacheStore.Open(DbPath, NullLogger.Instance, TimeProvider.System))
        {
            store.Location.Should().Be(DbPath, "a migrated file is used, not set aside");
            store.All().Should().Equal(new CachedPeer("old", NodeAddress.Parse("10.0.0.7:7946"), T0, 3, 1));
            store.OverlayScores().Should().BeEmpty();
            store.SaveOverlayScore("old", 7, null).Should().BeTrue();
        }

        Directory.GetFiles(_folder, "peers.db.corrupt-*").Should().BeEmpty();
        using var again = PeerCacheStore.Open(DbPath, NullLogger.Instance, TimeProvider.System);
        again.OverlayScores().Should().Equal(new SavedOverlayScore("old", 7, null));
    }
}
