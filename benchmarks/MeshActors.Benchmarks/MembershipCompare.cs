using System.Diagnostics;
using System.Globalization;

namespace MeshActors.Benchmarks;

/// <summary>
/// Membership side by side with HashiCorp memberlist, in the same run on the same machine. Each
/// run first runs the memberlist anchor (N nodes in one Go process), then N real node processes of
/// ours on loopback over mutual TLS, seeded by node 0, and times the same three things: the full
/// view, a crash (SIGKILL of the last node) seen dead by every survivor, and a graceful leave
/// (SIGTERM of the next-to-last) seen by every remaining node. Ours are timed by polling every
/// node's control endpoint.
/// </summary>
internal static class MembershipCompare
{
    public static async Task<int> RunAsync(string[] raw)
    {
        var args = new BenchmarkArgs(raw);
        var nodes = (int)args.Get("nodes", 10);
        var runs = (int)args.Get("runs", 3);
        var profile = args.Get("profile", "lan");
        var mlbench = args.Get("mlbench", "/tmp/mlbench");
        var portBase = (int)args.Get("port-base", 24200);
        var mlbenchPort = (int)args.Get("mlbench-port", 24800);
        var poll = TimeSpan.FromMilliseconds(args.Get("poll-ms", 15));
        var watch = args.Has("watch");
        var deadline = TimeSpan.FromSeconds(args.Get("deadline-seconds", 300));
        var logLevel = args.Get("log-level", "Information");
        var nodeDll = args.Get("node-dll", DefaultNodeDll());
        if (nodes is < 3 or > 300 || runs < 1 || !File.Exists(mlbench) || !File.Exists(nodeDll))
        {
            Console.Error.WriteLine($"need --nodes 3..300 (got {nodes}), --runs >= 1 (got {runs}), an mlbench binary (got {mlbench}; build it as in ../shared/TESTPEERS.md) and the built node (got {nodeDll}).");
            return 2;
        }

        var dir = Directory.CreateTempSubdirectory("meshactors-membership-compare-").FullName;
        NodeCluster.IssueCertificates(dir, nodes);
        PrintMachine(nodes, runs, profile, dir);
        Console.WriteLine(watch
            ? "our nodes are observed through GET /control/members/watch (server-sent events, one stream per node, opened when it is ready; each view timed on arrival)"
            : $"our nodes are observed by polling GET /control/members on every node still waited on, every {poll.TotalMilliseconds:0} ms");
        if (args.Has("settle"))
        {
            Console.WriteLine("--settle: after the full view, the crash waits until our nodes together use under 0.03 cores each (2 s windows, at most 180 s)");
        }
        var results = new List<(MemberlistResult Theirs, OurResult Ours)>();
        for (var run = 1; run <= runs; run++)
        {
            var theirs = await MemberlistAnchor.RunAsync(mlbench, nodes, profile, mlbenchPort, deadline);
            Console.WriteLine($"run {run}/{runs} memberlist: full view {S(theirs.FullView)} (from before the first node was created; all joins returned at {S(theirs.JoinsReturned)}), crash seen by all {S(theirs.Crash)}, leave seen by all {S(theirs.Leave)}");
            var logs = Directory.CreateDirectory(Path.Combine(dir, "logs", "run-" + run)).FullName;
            var spec = new ClusterSpec(nodeDll, nodes, profile, portBase, portBase + 300, dir, logs, logLevel, poll, watch, deadline);
            var ours = await OurRun.MeasureAsync(spec, args.Has("settle"));
            Console.WriteLine($"run {run}/{runs} meshactors: {ours.Describe()}");
            Console.WriteLine($"run {run}/{runs} meshactors join timeline {ours.Timeline?.Describe() ?? "not in the logs"}");
            Console.WriteLine($"run {run}/{runs} ratio ours/memberlist: full view after last ready {R(ours.FullViewAfterLastReady, theirs.FullView)} (alive or suspect {R(ours.MembersAfterLastReady, theirs.FullView)}), full view after first start {R(ours.FullViewAfterFirstStart, theirs.FullView)}, crash {R(ours.Crash, theirs.Crash)}, leave {R(ours.Leave, theirs.Leave)}");
            results.Add((theirs, ours));
        }

        PrintMedians(results);
        if (!args.Has("keep-logs"))
        {
            Directory.Delete(dir, recursive: true);
        }

        return 0;
    }

    private static void PrintMedians(List<(MemberlistResult Theirs, OurResult Ours)> results)
    {
        TimeSpan Median(Func<(MemberlistResult Theirs, OurResult Ours), TimeSpan> pick)
        {
            var sorted = results.Select(pick).Order().ToList();
            return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
        }

        var theirView = Median(r => r.Theirs.FullView);
        var theirCrash = Median(r => r.Theirs.Crash);
        var theirLeave = Median(r => r.Theirs.Leave);
        var afterReady = Median(r => r.Ours.FullViewAfterLastReady);
        var afterStart = Median(r => r.Ours.FullViewAfterFirstStart);
        var members = Median(r => r.Ours.MembersAfterLastReady);
        var crash = Median(r => r.Ours.Crash);
        var leave = Median(r => r.Ours.Leave);
        Console.WriteLine($"median of {results.Count} memberlist: full view {S(theirView)}, crash {S(theirCrash)}, leave {S(theirLeave)}");
        Console.WriteLine($"median of {results.Count} meshactors: full view {S(afterReady)} after the last node was ready ({S(afterStart)} after the first process started; alive or suspect {S(members)} after the last ready), crash {S(crash)}, leave {S(leave)}");
        Console.WriteLine($"median ratio ours/memberlist: full view after last ready {R(afterReady, theirView)} (alive or suspect {R(members, theirView)}), after first start {R(afterStart, theirView)}, crash {R(crash, theirCrash)}, leave {R(leave, theirLeave)}");
    }

    private static void PrintMachine(int nodes, int runs, string profile, string dir)
    {
        var memory = File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
        Console.WriteLine($"membership-compare: N={nodes} runs={runs} profile={profile}; {Environment.ProcessorCount} cores, {memory.Split(':')[1].Trim()} memory, load average {File.ReadAllText("/proc/loadavg").Trim()}, .NET {Environment.Version}; work dir {dir}");
    }

    /// <summary>The node to run: <c>--node-dll PATH</c>, or this checkout's build of the same configuration.</summary>
    internal static string NodeDll(BenchmarkArgs args) => args.Get("node-dll", DefaultNodeDll());

    private static string DefaultNodeDll()
    {
        var configuration = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
        for (var at = new DirectoryInfo(AppContext.BaseDirectory); at is not null; at = at.Parent)
        {
            if (File.Exists(Path.Combine(at.FullName, "MeshActors.sln")))
            {
                return Path.Combine(at.FullName, "src", "MeshActors.Node", "bin", configuration, "net10.0", "MeshActors.Node.dll");
            }
        }

        return "MeshActors.Node.dll";
    }

    internal static string S(TimeSpan t) => t.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture) + " s";

    private static string R(TimeSpan ours, TimeSpan theirs) => (ours / theirs).ToString("0.00", CultureInfo.InvariantCulture);
}
