using MeshActors.Views.Limits;

namespace MeshActors.Tests.Views.Limits;

public sealed class ConnectionLimitTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("a:5:0 b:1:0 c:3:0", 2, "b")]
    [InlineData("a:5:0 b:1:0 c:3:0", 1, "b c")]
    [InlineData("a:5:0 b:1:0 c:3:0", 3, "")]
    [InlineData("a:5:0 b:1:0 c:3:0", 0, "b c a")]
    [InlineData("a:0:10 b:0:30 c:0:20", 1, "b c")]
    [InlineData("z:0:10 y:0:10 x:-1:0", 1, "x y")]
    [InlineData("", 2, "")]
    public void The_lowest_scores_go_first_then_the_newest_links_then_by_id(string links, int max, string expected)
    {
        var active = links.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(':'))
            .Select(p => new ScoredLink(p[0], double.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture), T0.AddSeconds(int.Parse(p[2], System.Globalization.CultureInfo.InvariantCulture))));

        string.Join(' ', ConnectionLimit.Prune(active, max).Select(l => l.NodeId)).Should().Be(expected);
    }
}
