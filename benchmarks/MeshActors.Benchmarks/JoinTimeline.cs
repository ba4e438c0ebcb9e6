using System.Globalization;
using System.Text.RegularExpressions;
using static MeshActors.Benchmarks.MembershipCompare;

namespace MeshActors.Benchmarks;

/// <summary>
/// Where the time of a full view goes, read from the nodes' own logs (event 6002 "Joining
/// through", 6003 "Joined the cluster", 6005 "Member X ...: Joined"): how long each join request
/// took to reach the seed, how long the seed's answer took to come back, and how long gossip then
/// took to tell every node about every other. Log times are wall-clock times of day, mapped onto the
/// run's clock through the local time at which that clock read zero.
/// </summary>
internal sealed partial record JoinTimeline(TimeSpan RequestMedian, TimeSpan RequestMax, TimeSpan ReplyMedian, TimeSpan ReplyMax, TimeSpan LastJoinSent, TimeSpan SeedKnewAll, TimeSpan AllKnewAll)
{
    public static JoinTimeline? Read(IReadOnlyList<NodeProcess> nodes, TimeSpan wallAtZero)
    {
        TimeSpan? At(NodeProcess node, Regex line)
        {
            foreach (var text in File.ReadLines(node.LogPath))
            {
                var match = line.Match(text);
                if (match.Success)
                {
                    var at = TimeSpan.ParseExact(match.Groups["t"].Value, @"hh\:mm\:ss\.fff", CultureInfo.InvariantCulture) - wallAtZero;
                    return at < TimeSpan.FromHours(-12) ? at + TimeSpan.FromDays(1) : at;
                }
            }

            return null;
        }

        var seed = nodes[0];
        var requests = new List<TimeSpan>();
        var replies = new List<TimeSpan>();
        var sent = new List<TimeSpan>();
        var heard = new List<TimeSpan>();
        foreach (var node in nodes.Skip(1))
        {
            var joining = At(node, Line("Joining through"));
            var seedHeard = At(seed, Line($"Member {node.NodeId} at \\S+: Joined "));
            var joined = At(node, Line("Joined the cluster through"));
            if (joining is null || seedHeard is null || joined is null)
            {
                return null;
            }

            sent.Add(joining.Value);
            heard.Add(seedHeard.Value);
            requests.Add(seedHeard.Value - joining.Value);
            replies.Add(joined.Value - seedHeard.Value);
        }

        // A node knows every other once it has logged N - 1 "Joined" member events.
        var knewAll = nodes.Select(node => File.ReadLines(node.LogPath).Where(l => MemberJoined().IsMatch(l)).Skip(nodes.Count - 2).Select(l => l[..12]).FirstOrDefault());
        var allKnewAll = TimeSpan.Zero;
        foreach (var time in knewAll)
        {
            if (time is null)
            {
                return null;
            }

            var at = TimeSpan.ParseExact(time, @"hh\:mm\:ss\.fff", CultureInfo.InvariantCulture) - wallAtZero;
            at = at < TimeSpan.FromHours(-12) ? at + TimeSpan.FromDays(1) : at;
            allKnewAll = at > allKnewAll ? at : allKnewAll;
        }

        return new JoinTimeline(Median(requests), requests.Max(), Median(replies), replies.Max(), sent.Max(), heard.Max(), allKnewAll);
    }

    public string Describe() =>
        $"from the logs: a join request reached the seed {S(RequestMedian)} after it was sent (median; max {S(RequestMax)}), the seed's answer reached the joiner {S(ReplyMedian)} later (max {S(ReplyMax)}); " +
        $"last join sent at {S(LastJoinSent)}, the seed knew every node at {S(SeedKnewAll)}, every node knew every other at {S(AllKnewAll)} (gossip: {S(AllKnewAll - SeedKnewAll)})";

    private static TimeSpan Median(List<TimeSpan> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static Regex Line(string text) => new(@"^(?<t>\d\d:\d\d:\d\d\.\d{3}) .*" + text);

    [GeneratedRegex(@"^\d\d:\d\d:\d\d\.\d{3} .*\[6005\] Member \S+ at \S+: Joined ")]
    private static partial Regex MemberJoined();
}
