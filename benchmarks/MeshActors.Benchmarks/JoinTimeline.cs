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
                    return Clock(match.Groups["t"].Value, wallAtZero);
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

        // A node knows every other once it has logged an event (6005) about each of the N - 1 others:
        // mostly "Joined", but a member first heard of while suspected is logged "Suspect".
        var allKnewAll = TimeSpan.Zero;
        foreach (var node in nodes)
        {
            var known = new HashSet<string>(StringComparer.Ordinal);
            TimeSpan? at = null;
            foreach (var text in File.ReadLines(node.LogPath))
            {
                if (MemberEvent().Match(text) is { Success: true } match && match.Groups["id"].Value != node.NodeId && known.Add(match.Groups["id"].Value) && known.Count == nodes.Count - 1)
                {
                    at = Clock(match.Groups["t"].Value, wallAtZero);
                    break;
                }
            }

            if (at is null)
            {
                return null;
            }

            allKnewAll = at.Value > allKnewAll ? at.Value : allKnewAll;
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

    /// <summary>A log line's time of day on the run's clock (a run that passes midnight wraps).</summary>
    private static TimeSpan Clock(string timeOfDay, TimeSpan wallAtZero)
    {
        var at = TimeSpan.ParseExact(timeOfDay, @"hh\:mm\:ss\.fff", CultureInfo.InvariantCulture) - wallAtZero;
        return at < TimeSpan.FromHours(-12) ? at + TimeSpan.FromDays(1) : at;
    }

    private static Regex Line(string text) => new(@"^(?<t>\d\d:\d\d:\d\d\.\d{3}) .*" + text);

    [GeneratedRegex(@"^(?<t>\d\d:\d\d:\d\d\.\d{3}) .*\[6005\] Member (?<id>\S+) at ")]
    private static partial Regex MemberEvent();
}
