using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using MeshActors.Benchmarks.Harness;

namespace MeshActors.Benchmarks.Failover;

/// <summary>
/// <c>leader-failover</c>: N real node processes on loopback elect a global leader; each trial kills
/// the leader with SIGKILL and times how long until every survivor names another leader (for
/// MeshActors, with a higher fencing token), then restarts the killed node (same id, ports and data)
/// and waits until all N list N members up and agree on the leader again. The kinds run one after
/// the other in one invocation: <c>meshactors</c> (the node's lease over one shared SQLite file),
/// <c>akka-lan</c> (an Akka ClusterSingleton with MeshActors' <c>lan</c> timings) and
/// <c>akka-default</c> (the same singleton on Akka's defaults).
/// </summary>
internal static class LeaderFailoverCommand
{
    public const string Usage =
        "leader-failover [--kind meshactors,meshactors-cluster,akka-lan,akka-default] [--nodes 5] [--trials 20] [--akka-default-trials 5] [--node-dll PATH] " +
        "[--meshctl PATH] [--profile lan] [--tls mutual|insecure] [--port-base 31000] [--poll-ms 50] [--deadline-seconds 120] [--json] [--keep-logs]";

    private static readonly string[] AllKinds = ["meshactors", "meshactors-cluster", "akka-lan", "akka-default"];
    private static readonly string[] DefaultKinds = ["meshactors", "akka-lan", "akka-default"];

    public static async Task<int> RunAsync(string[] raw)
    {
        var args = new BenchmarkArgs(raw);
        var kinds = args.Get("kind", string.Join(',', DefaultKinds)).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var nodes = (int)args.Get("nodes", 5);
        var trials = (int)args.Get("trials", 20);
        var defaultTrials = (int)args.Get("akka-default-trials", Math.Min(trials, 5));
        var nodeDll = args.Get("node-dll", MembershipCompareCommand.RepositoryPath("src", "MeshActors.Node", "bin", "Release", "net10.0", "MeshActors.Node.dll"));
        var meshctl = args.Get("meshctl", MembershipCompareCommand.RepositoryPath("src", "MeshActors.Cli", "bin", "Release", "net10.0", "meshctl.dll"));
        var profile = args.Get("profile", "lan");
        var tls = args.Get("tls", "mutual");
        var portBase = (int)args.Get("port-base", 31000);
        var poll = TimeSpan.FromMilliseconds(args.Get("poll-ms", 50));
        var deadline = TimeSpan.FromSeconds(args.Get("deadline-seconds", 120));

        var problems = new List<string>();
        if (nodes is < 3 or > 100 || trials < 1 || defaultTrials < 1)
        {
            problems.Add($"need 3 <= --nodes <= 100, --trials >= 1 and --akka-default-trials >= 1 (got {nodes}, {trials}, {defaultTrials})");
        }

        problems.AddRange(kinds.Where(k => !AllKinds.Contains(k)).Select(k => $"unknown kind '{k}' ({string.Join(", ", AllKinds)})"));
        if (kinds.Any(k => k.StartsWith("meshactors", StringComparison.Ordinal)) && (!File.Exists(nodeDll) || (tls == "mutual" && !File.Exists(meshctl))))
        {
            problems.Add($"the meshactors kind needs the built node (--node-dll, got {nodeDll}) and meshctl (--meshctl, got {meshctl})");
        }

        if (problems.Count > 0)
        {
            problems.ForEach(p => Console.Error.WriteLine("leader-failover: " + p));
            Console.Error.WriteLine("usage: MeshActors.Benchmarks " + Usage);
            return 2;
        }

        var dir = Directory.CreateTempSubdirectory("meshactors-leader-failover-").FullName;
        var memory = File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal:", StringComparison.Ordinal)).Split(':')[1].Trim();
        Console.WriteLine($"leader-failover {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC: N={nodes} kinds={string.Join(',', kinds)} trials={trials} (akka-default {defaultTrials}) " +
            $"meshactors profile={profile} tls={tls} poll={poll.TotalMilliseconds} ms; {Environment.ProcessorCount} cores, {memory}, load {Load()}, .NET {Environment.Version}; logs in {dir}");

        var results = new List<FailoverFigures>();
        foreach (var name in kinds)
        {
            var k = Array.IndexOf(AllKinds, name);
            var kindDir = Path.Combine(dir, name);
            var kind = Kind(name, nodeDll, meshctl, profile, tls, Path.Combine(kindDir, "leases.db"));
            var figures = new FailoverFigures(name) { LoadAtStart = Load() };
            results.Add(figures);
            try
            {
                await new FailoverTrials(kind, nodes, portBase + (k * 200), kindDir, poll, deadline)
                    .RunAsync(name == "akka-default" ? defaultTrials : trials, figures);
            }
            catch (Exception ex) when (ex is TimeoutException or InvalidOperationException)
            {
                figures.Failure = ex.Message;
                Console.WriteLine($"{name}: FAILED after {figures.Seconds.Count} trial(s): {ex.Message}");
            }

            figures.LoadAtEnd = Load();
        }

        Console.WriteLine();
        Console.WriteLine(Report(results));
        if (args.Has("json"))
        {
            Console.WriteLine(Json(results, nodes));
        }

        var failed = results.Any(r => r.Failure is not null);
        if (!args.Has("keep-logs") && !failed)
        {
            Directory.Delete(dir, recursive: true);
        }

        return failed ? 1 : 0;
    }

    private static FailoverKind Kind(string name, string nodeDll, string meshctl, string profile, string tls, string leaseFile) => name switch
    {
        "meshactors" => new FailoverKind(
            name,
            new MeshActorsKind(nodeDll, meshctl, profile, tls, ["meshactors.leadership.lease.store=sqlite", $"meshactors.leadership.stores.sqlite.file=\"{leaseFile}\""]),
            (index, _) => MeshActorsKind.NodeId(index),
            Fenced: true),
        "meshactors-cluster" => new FailoverKind(
            name,
            new MeshActorsKind(nodeDll, meshctl, profile, tls, ["meshactors.leadership.lease.store=cluster"]),
            (index, _) => MeshActorsKind.NodeId(index),
            Fenced: true),
        "akka-lan" => new FailoverKind(name, new AkkaDefaultKind(name, ["--singleton", "--profile", "lan"]), (_, port) => AkkaDefaultKind.Address(port), Fenced: false),
        _ => new FailoverKind(name, new AkkaDefaultKind(name, ["--singleton"]), (_, port) => AkkaDefaultKind.Address(port), Fenced: false),
    };

    /// <summary>The three load averages of <c>/proc/loadavg</c>.</summary>
    private static string Load() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

    private static string Report(List<FailoverFigures> results)
    {
        var lines = new List<string>
        {
            "| kind | trials | p50 (s) | p99 (s) | min (s) | max (s) | load at start → end |",
            "| --- | ---: | ---: | ---: | ---: | ---: | --- |",
        };
        lines.AddRange(results.Select(r =>
            $"| {r.Kind}{(r.Failure is null ? string.Empty : " (FAILED)")} | {r.Seconds.Count} | {FailoverFigures.F(r.P50)} | {FailoverFigures.F(r.P99)} | {FailoverFigures.F(r.Min)} | {FailoverFigures.F(r.Max)} | {r.LoadAtStart} → {r.LoadAtEnd} |"));
        lines.Add(string.Empty);
        lines.Add("Percentiles are nearest-rank: with 100 or fewer trials p99 is the largest value.");
        foreach (var r in results)
        {
            lines.Add($"{r.Kind} per trial (s): {string.Join(' ', r.Seconds.Select(s => FailoverFigures.F(s)))}");
            if (r.SafetyRounds is { } rounds)
            {
                lines.Add($"{r.Kind} safety: {r.DoubleHolderRounds} double-holder rounds (two or more live nodes reporting is_leader=1 in one round), " +
                    $"{r.SingleHolderRounds} rounds with exactly one, and {r.TokenDecreases} token decreases, in {rounds} rounds");
                lines.AddRange(r.Incidents.Select(i => "  " + i));
            }
        }

        foreach (var (subject, anchor) in new[] { ("meshactors", "akka-lan"), ("meshactors", "akka-default"), ("akka-lan", "akka-default") })
        {
            if (results.FirstOrDefault(r => r.Kind == subject) is { P50: { } s50, P99: { } s99 }
                && results.FirstOrDefault(r => r.Kind == anchor) is { P50: { } a50, P99: { } a99 })
            {
                lines.Add(string.Create(CultureInfo.InvariantCulture, $"{subject} / {anchor}: p50 {s50 / a50:0.000}, p99 {s99 / a99:0.000}"));
            }
        }

        return string.Join('\n', lines);
    }

    private static string Json(List<FailoverFigures> results, int nodes) => JsonSerializer.Serialize(new
    {
        verb = "leader-failover",
        nodes,
        kinds = results.Select(r => new
        {
            kind = r.Kind,
            trials = r.Seconds.Count,
            p50 = r.P50,
            p99 = r.P99,
            min = r.Min,
            max = r.Max,
            seconds = r.Seconds,
            loadAtStart = r.LoadAtStart,
            loadAtEnd = r.LoadAtEnd,
            safetyRounds = r.SafetyRounds,
            singleHolderRounds = r.SingleHolderRounds,
            doubleHolderRounds = r.DoubleHolderRounds,
            tokenDecreases = r.TokenDecreases,
            failure = r.Failure,
        }),
    });
}
