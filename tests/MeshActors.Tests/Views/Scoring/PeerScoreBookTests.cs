using MeshActors.Views.Scoring;

namespace MeshActors.Tests.Views.Scoring;

public sealed class PeerScoreBookTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);
    private static readonly PeerScoreBook Empty = PeerScoreBook.Empty(ScoringOptions.Default);

    [Theory]
    [InlineData("s", 1)]
    [InlineData("sss", 3)]
    [InlineData("e", -10)]
    [InlineData("t", -5)]
    [InlineData("ee", -20)]
    [InlineData("tttt", -20)]
    [InlineData("ese", -19)]
    [InlineData("sssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssss", 100)]
    public void Successes_errors_and_timeouts_add_their_points_within_the_range(string script, double expected)
    {
        var book = Empty;
        foreach (var step in script)
        {
            book = (step switch { 's' => book.RecordSuccess("n1", T0), 'e' => book.RecordError("n1", T0), _ => book.RecordTimeout("n1", T0) }).Book;
        }

        book.Score("n1").Should().Be(expected);
        book.IsBanned("n1", T0).Should().BeFalse("-20 is not below the threshold of -20");
    }

    [Theory]
    [InlineData(new[] { 100 }, 100, 0)]
    [InlineData(new[] { 200 }, 200, 0)]
    [InlineData(new[] { 400 }, 400, -5)]
    [InlineData(new[] { 600 }, 600, -10)]
    [InlineData(new[] { 5000 }, 5000, -20)]
    [InlineData(new[] { 100, 600 }, 200, 0)]
    [InlineData(new[] { 100, 1100 }, 300, -2.5)]
    [InlineData(new[] { 1000, 0 }, 800, -15)]
    public void The_smoothed_rtt_is_an_ewma_and_costs_five_points_per_target_above_the_target(int[] samplesMs, int expectedRttMs, double expectedScore)
    {
        var book = samplesMs.Aggregate(Empty, (b, ms) => b.RecordRtt("n1", TimeSpan.FromMilliseconds(ms), T0).Book);

        book.Rtt("n1").Should().Be(TimeSpan.FromMilliseconds(expectedRttMs));
        book.Score("n1").Should().BeApproximately(expectedScore, 1e-9);
        book.IsBanned("n1", T0).Should().BeFalse("latency alone never bans");
    }

    [Fact]
    public void Crossing_the_threshold_bans_once_for_thirty_seconds_and_records_are_ignored_while_banned()
    {
        var book = Empty.RecordError("n1", T0).Book.RecordError("n1", T0).Book;

        var crossing = book.RecordTimeout("n1", T0);
        crossing.Ban.Should().Be(new PeerBan("n1", T0.AddSeconds(30), 1));
        crossing.Book.IsBanned("n1", T0.AddSeconds(29)).Should().BeTrue();
        crossing.Book.IsBanned("n1", T0.AddSeconds(30)).Should().BeFalse();

        var during = crossing.Book.RecordError("n1", T0.AddSeconds(1));
        during.Ban.Should().BeNull();
        during.Book.Should().BeSameAs(crossing.Book);
    }

    [Fact]
    public void Repeated_bans_double_up_to_ten_minutes_each_ending_with_a_fresh_score_and_forgiveness_restarts_them()
    {
        var book = Empty;
        var now = T0;
        var lengths = new List<double>();
        for (var i = 0; i < 7; i++)
        {
            var update = book.RecordError("n1", now).Book.RecordError("n1", now).Book.RecordError("n1", now);
            lengths.Add((update.Ban!.Until - now).TotalSeconds);
            now = update.Ban.Until;
            var (expired, ended) = update.Book.Expire(now);
            ended.Should().Equal("n1");
            expired.Score("n1").Should().Be(0);
            expired.Rtt("n1").Should().BeNull();
            book = expired;
        }

        lengths.Should().Equal(30, 60, 120, 240, 480, 600, 600);

        var later = now + ScoringOptions.Default.BanForgiveness + TimeSpan.FromSeconds(1);
        var forgiven = book.RecordError("n1", later).Book.RecordError("n1", later).Book.RecordError("n1", later);
        forgiven.Ban.Should().Be(new PeerBan("n1", later.AddSeconds(30), 1));
    }

    [Fact]
    public void Expire_keeps_bans_in_force_and_changes_nothing_when_none_ended()
    {
        var book = Enumerable.Range(0, 3).Aggregate(Empty, (b, _) => b.RecordError("n1", T0).Book);

        var (same, ended) = book.Expire(T0.AddSeconds(10));

        same.Should().BeSameAs(book);
        ended.Should().BeEmpty();
    }

    [Fact]
    public void Beyond_capacity_the_least_recently_updated_unbanned_peer_is_forgotten()
    {
        var book = PeerScoreBook.Empty(ScoringOptions.Default with { Capacity = 3 });
        book = Enumerable.Range(0, 3).Aggregate(book, (b, _) => b.RecordError("banned", T0).Book);
        book = book.RecordSuccess("old", T0.AddSeconds(1)).Book.RecordSuccess("mid", T0.AddSeconds(2)).Book;

        book = book.RecordSuccess("new", T0.AddSeconds(3)).Book;

        book.Select(e => e.Key).Should().BeEquivalentTo(["banned", "mid", "new"]);
    }

    [Fact]
    public void Restore_brings_back_a_saved_score_and_a_ban_still_in_force()
    {
        var book = Empty.Restore("n1", 42, null, T0).Restore("n2", -500, null, T0).Restore("n3", 5, T0.AddMinutes(1), T0).Restore("n4", 5, T0, T0);

        book.Score("n1").Should().Be(42);
        book.Score("n2").Should().Be(-100);
        book.IsBanned("n3", T0.AddSeconds(59)).Should().BeTrue();
        book.IsBanned("n4", T0).Should().BeFalse();
        book.Score("n4").Should().Be(5);
    }

    [Fact]
    public void Invalid_options_are_all_reported_at_once()
    {
        var bad = ScoringOptions.Default with { PruneThreshold = 5, RttSmoothing = 0, Capacity = 0 };

        bad.Validate().Should().HaveCount(3);
        FluentActions.Invoking(() => PeerScoreBook.Empty(bad)).Should().Throw<ArgumentException>().WithMessage("*PruneThreshold*RttSmoothing*Capacity*");
    }
}
