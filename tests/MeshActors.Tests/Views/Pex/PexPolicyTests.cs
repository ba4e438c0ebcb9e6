using FsCheck;
using FsCheck.Fluent;
using MeshActors.Randomness;
using MeshActors.Views.Overlay;
using MeshActors.Views.Pex;

namespace MeshActors.Tests.Views.Pex;

public sealed class PexPolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);
    private static readonly OverlayPeer Self = new("self", "akka.ssl.tcp://mesh@10.0.0.1:4053");
    private static readonly OverlayPeer Requester = new("asker", "akka.ssl.tcp://mesh@10.0.0.2:4053");

    private static PexCandidate C(string id, double score, int minutesAgo = 1, bool proven = true) =>
        new(id, $"akka.ssl.tcp://mesh@{id}.example:4053", Now.AddMinutes(-minutesAgo), score, proven);

    [Theory]
    [InlineData(16, "a b c")]
    [InlineData(2, "a b")]
    [InlineData(0, "")]
    [InlineData(-3, "")]
    public void Best_score_first_then_most_recent_then_id_up_to_the_requested_max(int max, string expected)
    {
        PexCandidate[] candidates = [C("c", 1, 5), C("b", 1, 2), C("a", 9)];

        Ids(PexPolicy.Answer(Self, Requester, max, candidates, _ => false, PexOptions.Default, Now)).Should().Be(expected);
    }

    [Fact]
    public void Never_the_requester_self_banned_unproven_stale_duplicate_or_unsendable_peers()
    {
        PexCandidate[] candidates =
        [
            C("ok", 0), C("self", 50), C("asker", 50), C("banned", 50), C("unproven", 50, proven: false),
            C("stale", 50, minutesAgo: 61), C("-bad-id", 50), C("ok", -5),
            new("spaced", "akka.tcp://mesh@a b:1", Now, 50, true), new("nan", "akka.tcp://mesh@n:1", Now, double.NaN, true),
        ];

        var answer = PexPolicy.Answer(Self, Requester, 16, candidates, id => id == "banned", PexOptions.Default, Now);

        Ids(answer).Should().Be("ok");
        answer[0].Score.Should().Be(0);
        answer[0].LastSeenUnixMs.Should().Be(Now.AddMinutes(-1).ToUnixTimeMilliseconds());
    }

    [Fact]
    public void The_cap_holds_whatever_the_requester_asks()
    {
        Check.One(PropertySettings.Seeded(16, 300), Prop.ForAll(Arb.From(Gen.Choose(0, 200)), Arb.From(Gen.Choose(-5, 100)), (n, max) =>
        {
            var random = new SeededRandomSource((ulong)n);
            var candidates = Enumerable.Range(0, n).Select(i => C("p" + random.Next(150), random.Next(200) - 100, random.Next(90), random.Next(4) > 0)).ToList();

            var answer = PexPolicy.Answer(Self, Requester, max, candidates, id => id.EndsWith('7'), PexOptions.Default, Now);

            answer.Length.Should().BeLessThanOrEqualTo(Math.Clamp(max, 0, 16));
            answer.Select(e => e.NodeId).Should().OnlyHaveUniqueItems();
            answer.Select(e => e.Score).Should().BeInDescendingOrder();
            answer.All(e => !e.NodeId.EndsWith('7') && candidates.Any(c => c.NodeId == e.NodeId && c.Proven && c.Score == e.Score)).Should().BeTrue();
        }));
    }

    private static string Ids(IEnumerable<MeshActors.Views.Wire.PexEntry> entries) => string.Join(' ', entries.Select(e => e.NodeId));
}
