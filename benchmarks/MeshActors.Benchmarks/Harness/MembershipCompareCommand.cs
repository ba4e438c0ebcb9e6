using System.Globalization;

namespace MeshActors.Benchmarks.Harness;

/// <summary>
/// <c>membership-compare</c>: the MeshActors node, a plain Akka.NET node with default settings and
/// HashiCorp memberlist, side by side in the same invocation, run after run, each kind in turn.
/// </summary>
internal static class MembershipCompareCommand
{
    public const string Usage =
        "membership-compare [--nodes 5] [--runs 3] [--kind meshactors,akka-default,memberlist] [--node-dll PATH] [--meshctl PATH] " +
        "[--profile lan] [--tls mutual|insecure] [--mlbench /tmp/mlbench] [--port-base 25000] [--poll-ms 50] [--idle-seconds 10] " +
        "[--deadline-seconds 180] [--control-scheme http|https] [--keep-logs]";

    private static readonly string[] AllKinds = ["meshactors", "akka-default", "memberlist"];

    public static async Task<int> RunAsync(string[] raw)
    {
        var args = new BenchmarkArgs(raw);
        var nodes = (int)args.Get("nodes", 5);
        var runs = (int)args.Get("runs", 3);
        var kinds = args.Get("kind", "all") == "all" ? AllKinds : args.Get("kind", "all").Split(',', StringSplitOptions.TrimEntries);
        var profile = args.Get("profile", "lan");
        var mlbench = args.Get("mlbench", "/tmp/mlbench");
        var nodeDll = args.Get("node-dll", RepositoryPath("src", "MeshActors.Node", "bin", "Release", "net10.0", "MeshActors.Node.dll"));
        var meshctl = args.Get("meshctl", RepositoryPath("src", "MeshActors.Cli", "bin", "Release", "net10.0", "meshctl.dll"));
        var tls = args.Get("tls", "mutual");
        var portBase = (int)args.Get("port-base", 25000);
        var poll = TimeSpan.FromMilliseconds(args.Get("poll-ms", 50));
        var idle = TimeSpan.FromSeconds(args.Get("idle-seconds", 10));
        var deadline = TimeSpan.FromSeconds(args.Get("deadline-seconds", 180));
        var scheme = args.Get("control-scheme", "http");

        var problems = new List<string>();
        if (nodes < 3 || runs < 1 || (nodes + 1) * runs > 1000)
        {
            problems.Add($"need --nodes >= 3 and --runs >= 1 with (nodes + 1) * runs <= 1000 (got {nodes}, {runs})");
        }

        problems.AddRange(kinds.Where(k => !AllKinds.Contains(k)).Select(k => $"unknown kind '{k}' (meshactors, akka-default, memberlist or all)"));
        if (kinds.Contains("memberlist") && !File.Exists(mlbench))
        {
            problems.Add($"no memberlist anchor at {mlbench}: build it with scripts/build-memberlist-anchor.sh {mlbench}");
        }

        if (kinds.Contains("meshactors") && (!File.Exists(nodeDll) || (tls == "mutual" && !File.Exists(meshctl))))
        {
            problems.Add($"the meshactors kind needs the built node (--node-dll, got {nodeDll}) and meshctl (--meshctl, got {meshctl})");
        }

        if (problems.Count > 0)
        {
            problems.ForEach(p => Console.Error.WriteLine("membership-compare: " + p));
            Console.Error.WriteLine("usage: MeshActors.Benchmarks " + Usage);
            return 2;
        }

        var dir = Directory.CreateTempSubdirectory("meshactors-membership-compare-").FullName;
        var memory = File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal:", StringComparison.Ordinal)).Split(':')[1].Trim();
        Console.WriteLine($"membership-compare {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC: N={nodes} runs={runs} kinds={string.Join(',', kinds)} profile={profile} tls={tls} poll={poll.TotalMilliseconds} ms idle={idle.TotalSeconds} s; " +
            $"{Environment.ProcessorCount} cores, {memory}, load {File.ReadAllText("/proc/loadavg").Trim()}, .NET {Environment.Version}; logs in {dir}");
        var results = kinds.Select(k => (Kind: k, Figures: new Figures())).ToList();
        var failed = false;
        for (var run = 1; run <= runs; run++)
        {
            for (var k = 0; k < results.Count; k++)
            {
                var kind = results[k].Kind;
                var ports = portBase + (Array.IndexOf(AllKinds, kind) * 2000) + ((run - 1) * (nodes + 1));
                try
                {
                    var line = kind == "memberlist"
                        ? await MemberlistAnchor.RunAsync(mlbench, nodes, profile, ports, deadline * 2, results[k].Figures)
                        : await new ClusterScenario(
                            kind == "meshactors" ? new MeshActorsKind(nodeDll, meshctl, profile, tls) : new AkkaDefaultKind(),
                            new ScenarioOptions(nodes, ports, ports + 1000, Path.Combine(dir, $"run-{run}", kind), poll, deadline, idle, scheme))
                            .RunAsync(results[k].Figures);
                    Console.WriteLine($"run {run}/{runs} {kind}: {line}");
                }
                catch (Exception ex) when (ex is TimeoutException or InvalidOperationException)
                {
                    failed = true;
                    Console.WriteLine($"run {run}/{runs} {kind}: FAILED: {ex.Message}");
                }
            }
        }

        Console.WriteLine();
        Console.WriteLine(ResultTable.Render(results));
        Console.WriteLine("memberlist's full view is timed from before its first node was created (all N in one process); the others' from the launch of the last node process.");
        if (!args.Has("keep-logs") && !failed)
        {
            Directory.Delete(dir, recursive: true);
        }

        return failed ? 1 : 0;
    }

    /// <summary>A path in this checkout: found by walking up from the benchmark's own folder to MeshActors.sln.</summary>
    internal static string RepositoryPath(params string[] parts)
    {
        for (var at = new DirectoryInfo(AppContext.BaseDirectory); at is not null; at = at.Parent)
        {
            if (File.Exists(Path.Combine(at.FullName, "MeshActors.sln")))
            {
                return Path.Combine([at.FullName, .. parts]);
            }
        }

        return Path.Combine(parts);
    }
}
