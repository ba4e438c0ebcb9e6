using FsCheck;
using FsCheck.Fluent;
using MeshActors.Views.Scoring;

namespace MeshActors.Tests.Views.Scoring;

/// <summary>Arbitrary records at arbitrary times: scores stay in range, the book stays within its
/// capacity, a ban comes exactly when a score falls below the threshold, and bans never exceed the cap.</summary>
public sealed class PeerScoreBookProperties
{
    private static readonly ScoringOptions Small = ScoringOptions.Default with { Capacity = 8 };

    [Fact]
    public void Any_sequence_of_records_keeps_scores_bans_and_size_within_their_limits()
    {
        var step = Gen.Choose(0, 5).SelectMany(kind => Gen.Choose(0, 20).SelectMany(peer => Gen.Choose(0, 3000).Select(arg => (kind, peer, arg))));
        Check.One(PropertySettings.Seeded(2026, 500), Prop.ForAll(Arb.From(step.ListOf().Select(l => l.ToArray())), script =>
        {
            var book = PeerScoreBook.Empty(Small);
            var now = DateTimeOffset.UnixEpoch;
            foreach (var (kind, peer, arg) in script)
            {
                var id = "n" + peer;
                var wasBanned = book.IsBanned(id, now);
                var before = book.Score(id);
                ScoreUpdate? update = kind switch
                {
                    0 => book.RecordSuccess(id, now),
                    1 => book.RecordError(id, now),
                    2 => book.RecordTimeout(id, now),
                    3 => book.RecordRtt(id, TimeSpan.FromMilliseconds(arg), now),
                    _ => null,
                };
                if (update is not null)
                {
                    book = update.Book;
                    if (update.Ban is { } ban)
                    {
                        wasBanned.Should().BeFalse();
                        (ban.Until - now).Should().BeGreaterThanOrEqualTo(Small.BanBackoff).And.BeLessThanOrEqualTo(Small.MaxBanBackoff);
                        book.Get(id)!.Score(Small).Should().BeLessThan(Small.PruneThreshold);
                    }
                    else if (!wasBanned && book.Get(id) is { } entry)
                    {
                        entry.Score(Small).Should().BeGreaterThanOrEqualTo(Small.PruneThreshold);
                    }
                    else if (wasBanned)
                    {
                        book.Score(id).Should().Be(before);
                    }
                }
                else
                {
                    now += TimeSpan.FromSeconds(arg / 10.0);
                    var (expired, ended) = book.Expire(now);
                    ended.All(n => !expired.IsBanned(n, now)).Should().BeTrue();
                    book = expired;
                }

                book.Count.Should().BeLessThanOrEqualTo(Small.Capacity);
                book.All(e => e.Value.Score(Small) >= Small.MinScore && e.Value.Score(Small) <= Small.MaxScore).Should().BeTrue();
            }
        }));
    }

    [Fact]
    public void A_flood_of_new_peers_keeps_the_book_at_its_capacity()
    {
        var book = PeerScoreBook.Empty(ScoringOptions.Default);
        for (var i = 0; i < 20_000; i++)
        {
            book = book.RecordSuccess("flood-" + i, DateTimeOffset.UnixEpoch.AddMilliseconds(i)).Book;
        }

        book.Count.Should().Be(1024);
        book.Get("flood-19999").Should().NotBeNull();
        book.Get("flood-0").Should().BeNull();
    }
}
