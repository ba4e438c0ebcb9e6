using System.Diagnostics;

namespace MeshActors.Benchmarks.Harness;

/// <summary>
/// One run of one kind: the seed (node 0) starts and lists itself up; nodes 1..N-1 start at once;
/// full view; an extra node joins; it leaves (SIGTERM); with the N nodes left, an idle window
/// (RSS, CPU, nobody polling); node N-1 crashes (SIGKILL). Every step waits on what the nodes' <c>/control/members</c> say, with a deadline.
/// </summary>
internal sealed class ClusterScenario(INodeKind kind, ScenarioOptions options)
{
    private readonly Stopwatch _clock = new();
    private readonly List<NodeProcess> _nodes = [];

    public async Task<string> RunAsync(Figures figures)
    {
        Directory.CreateDirectory(options.Directory);
        await kind.PrepareAsync(options.Nodes + 1, options.Directory);
        using var poller = new MemberPoller(_clock, options.PollInterval, options.ControlScheme);
        var n = options.Nodes;
        _clock.Start();
        try
        {
            var seed = Start(0);
            await poller.WaitAllAsync("the seed is up", [seed], v => v.IsUp(v.Self), options.Deadline);
            for (var i = 1; i < n; i++)
            {
                Start(i);
            }

            var lastLaunch = _nodes[^1].LaunchedAt;
            var fullAt = await poller.WaitAllAsync($"lists {n} members up", _nodes, v => v.UpCount >= n, options.Deadline);
            var fullView = fullAt - lastLaunch;
            figures.Add(Metrics.FullView, fullView);

            var members = _nodes.ToList();
            var extra = Start(n);
            var answeredAt = await poller.WaitAllAsync("answers (extra node)", [extra], _ => true, options.Deadline);
            figures.Add(Metrics.JoinerAnswers, answeredAt - extra.LaunchedAt);
            var joinedAt = await poller.WaitAllAsync($"lists {extra.Name} up", [.. members, extra], v => extra.Self is { } s && v.IsUp(s), options.Deadline);
            var join = joinedAt - extra.LaunchedAt;
            figures.Add(Metrics.Join, join);

            var leaving = extra.Self!;
            var leaveStart = _clock.Elapsed;
            extra.Terminate();
            var leftAt = await poller.WaitAllAsync($"no longer lists {extra.Name} (left)", members, v => !v.Lists(leaving), options.Deadline);
            var leave = leftAt - leaveStart;
            figures.Add(Metrics.Leave, leave);

            var (rss, cpu) = await IdleAsync(members);
            foreach (var r in rss)
            {
                figures.Add(Metrics.IdleRss, r);
            }

            foreach (var c in cpu)
            {
                figures.Add(Metrics.IdleCpu, c);
            }

            var victim = members[^1];
            var survivors = members[..^1];
            var crashed = victim.Self!;
            var crashStart = _clock.Elapsed;
            victim.Crash();
            var suspectedAt = await poller.WaitAllAsync($"sees {victim.Name} unreachable", survivors, v => v.Suspects(crashed), options.Deadline);
            var removedAt = await poller.WaitAllAsync($"no longer lists {victim.Name} (crashed)", survivors, v => !v.Lists(crashed), options.Deadline);
            figures.Add(Metrics.CrashUnreachable, suspectedAt - crashStart);
            figures.Add(Metrics.CrashRemoved, removedAt - crashStart);

            return $"full view {S(fullView)}, join {S(join)} (answering {S(answeredAt - extra.LaunchedAt)}), leave {S(leave)}, crash unreachable {S(suspectedAt - crashStart)} removed {S(removedAt - crashStart)}, " +
                $"idle RSS {string.Join('/', rss.Select(r => r.ToString("0")))} MiB, CPU {string.Join('/', cpu.Select(c => c.ToString("0.0")))} %";
        }
        finally
        {
            foreach (var node in _nodes)
            {
                node.Dispose();
            }
        }
    }

    internal static string S(TimeSpan t) => t.TotalSeconds.ToString("0.000") + " s";

    private NodeProcess Start(int index)
    {
        var node = kind.Start(index, options.PortBase + index, options.ControlPortBase + index, options.PortBase, options.Directory, _clock);
        _nodes.Add(node);
        return node;
    }

    /// <summary>Nobody polls during the window: each node's RSS at its end and its CPU share over it.</summary>
    private async Task<(List<double> RssMiB, List<double> CpuPercent)> IdleAsync(List<NodeProcess> nodes)
    {
        var before = nodes.Select(n => ProcStats.CpuTime(n.Pid)).ToList();
        var started = _clock.Elapsed;
        await Task.Delay(options.IdleWindow);
        var elapsed = _clock.Elapsed - started;
        var rss = new List<double>();
        var cpu = new List<double>();
        for (var i = 0; i < nodes.Count; i++)
        {
            var after = ProcStats.CpuTime(nodes[i].Pid);
            var resident = ProcStats.ResidentBytes(nodes[i].Pid);
            if (before[i] is not { } b || after is not { } a || resident is not { } r)
            {
                throw new InvalidOperationException($"{nodes[i].Name} exited during the idle window; see {nodes[i].LogPath}");
            }

            rss.Add(r / 1024.0 / 1024.0);
            cpu.Add((a - b) / elapsed * 100);
        }

        return (rss, cpu);
    }
}
