using System.Collections.Concurrent;
using System.Diagnostics;

namespace MeshActors.Benchmarks;

/// <summary>
/// One run of our side of <see cref="MembershipCompare"/>: start the cluster, then time the full
/// view, a crash and a graceful leave as every node's control endpoint reports them.
/// </summary>
internal static class OurRun
{
    /// <summary>With --settle: a node counts as idle below this share of a core.</summary>
    private const double IdleCoresPerNode = 0.03;
    private static readonly TimeSpan SettleWindow = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan SettleLimit = TimeSpan.FromSeconds(180);

    public static async Task<OurResult> MeasureAsync(ClusterSpec spec, bool settle)
    {
        using var cluster = new NodeCluster(spec);
        var clock = cluster.Clock;
        await cluster.StartAsync();
        var all = cluster.Nodes;
        var n = spec.Nodes;

        // (a) Full view: each node is first polled for readiness, then for its member list, until
        // it lists all N alive. The moment it first lists all N alive or suspect (what memberlist's
        // NumMembers counts) is kept too.
        var views = cluster.Views;
        var membersAt = new ConcurrentDictionary<NodeProcess, TimeSpan>();
        var fullView = await cluster.PollAsync($"list {n} members alive", all, Until(views, string.Empty, TimeSpan.Zero, (node, at, view) =>
        {
            if (view.Values.Count(s => s is "alive" or "suspect") == n)
            {
                membersAt.TryAdd(node, at);
            }

            return view.Values.Count(s => s == "alive") == n;
        }, cluster.IsReadyAsync), spec.Deadline);
        var cpuUntilFullView = Cpu(all);
        var lastReady = all.Max(x => x.ReadyAt!.Value);
        var firstReady = all.Min(x => x.ReadyAt!.Value);
        var lastStart = all.Max(x => x.StartedAt);
        var rss = all.Select(x => x.ResidentBytes()).ToList();

        // Optionally let the processes finish warming up (tiered JIT, first connections) first, so
        // that the crash meets idle nodes, as it meets memberlist's.
        var settled = settle ? await SettleAsync(all, clock) : ((TimeSpan Took, double Cores)?)null;

        // (b) Crash: SIGKILL the last node; every survivor must list it dead.
        var victim = all[^1];
        var survivors = all.Take(n - 1).ToList();
        var cpu = Cpu(survivors);
        var crashedAt = clock.Elapsed;
        victim.Crash();
        var dead = await cluster.PollAsync($"list {victim.NodeId} dead", survivors,
            Until(views, "dead", crashedAt, (_, _, view) => view.GetValueOrDefault(victim.NodeId) == "dead"), spec.Deadline);
        var crashCores = (Cpu(survivors) - cpu) / (clock.Elapsed - crashedAt);

        // (c) Leave: SIGTERM the next-to-last node; every remaining node must stop listing it alive or suspect.
        var leaver = survivors[^1];
        var remaining = survivors.Take(n - 2).ToList();
        await views.DetachAsync(leaver);
        var leftAt = clock.Elapsed;
        leaver.Terminate();
        var exited = Task.Run(async () => await leaver.WaitForExitAsync(spec.Deadline) ? clock.Elapsed - leftAt : (TimeSpan?)null);
        var gone = await cluster.PollAsync($"stop listing {leaver.NodeId} alive or suspect", remaining,
            Until(views, "alive,suspect", leftAt, (_, _, view) => view.GetValueOrDefault(leaver.NodeId) is not ("alive" or "suspect")), spec.Deadline);
        var listedLeft = 0;
        foreach (var node in remaining)
        {
            var latest = await views.SinceAsync(node, "left", clock.Elapsed);
            listedLeft += latest.Count > 0 && latest[^1].View.GetValueOrDefault(leaver.NodeId) == "left" ? 1 : 0;
        }

        var refutations = all.Sum(node => File.ReadLines(node.LogPath).Count(l => l.Contains("Refuting a", StringComparison.Ordinal)));

        return new OurResult(
            FirstReady: firstReady,
            LastReady: lastReady,
            LastStart: lastStart,
            FullViewAfterLastReady: fullView - lastReady,
            FullViewAfterFirstStart: fullView,
            MembersAfterLastReady: membersAt.Values.Max() - lastReady,
            CpuUntilFullView: cpuUntilFullView,
            Refutations: refutations,
            Crash: dead - crashedAt,
            Leave: gone - leftAt,
            LeaverExited: await exited,
            ListedLeft: listedLeft,
            Remaining: remaining.Count,
            RssTotal: rss.Sum(),
            RssMax: rss.Max(),
            CrashPhaseCores: crashCores,
            MeanPollRound: spec.Watch ? TimeSpan.Zero : cluster.MeanPollRound,
            Timeline: JoinTimeline.Read(all, cluster.WallAtZero),
            Settled: settled);
    }

    /// <summary>
    /// A check for <see cref="NodeCluster.PollAsync"/>: the time a node's view first satisfied
    /// <paramref name="condition"/> at or after <paramref name="since"/>. Each node's views are read
    /// on from where the previous check stopped. A node must first pass <paramref name="ready"/>, if
    /// given. The condition sees the node, the time of the view and the view.
    /// </summary>
    private static Func<NodeProcess, Task<TimeSpan?>> Until(
        IMemberViews views,
        string statuses,
        TimeSpan since,
        Func<NodeProcess, TimeSpan, IReadOnlyDictionary<string, string>, bool> condition,
        Func<NodeProcess, Task<bool>>? ready = null)
    {
        var cursors = new ConcurrentDictionary<NodeProcess, TimeSpan>();
        return async node =>
        {
            if (ready is not null && !await ready(node))
            {
                return null;
            }

            foreach (var (at, view) in await views.SinceAsync(node, statuses, cursors.GetValueOrDefault(node, since)))
            {
                cursors[node] = at;
                if (condition(node, at, view))
                {
                    return at;
                }
            }

            return null;
        };
    }

    /// <summary>Waits, window by window, until the nodes together use less than their idle share of
    /// the cores (or the limit passes); returns how long that took and the last window's use.</summary>
    private static async Task<(TimeSpan Took, double Cores)> SettleAsync(IReadOnlyList<NodeProcess> nodes, Stopwatch clock)
    {
        var started = clock.Elapsed;
        while (true)
        {
            var (cpu, at) = (Cpu(nodes), clock.Elapsed);
            await Task.Delay(SettleWindow);
            var cores = (Cpu(nodes) - cpu) / (clock.Elapsed - at);
            if (cores < IdleCoresPerNode * nodes.Count || clock.Elapsed - started > SettleLimit)
            {
                return (clock.Elapsed - started, cores);
            }
        }
    }

    private static TimeSpan Cpu(IEnumerable<NodeProcess> nodes) => nodes.Aggregate(TimeSpan.Zero, (sum, node) => sum + node.CpuTime());
}
