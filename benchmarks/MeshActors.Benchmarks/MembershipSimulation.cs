using System.Diagnostics;
using System.Globalization;
using MeshActors.Membership;
using MeshActors.Simulation;

namespace MeshActors.Benchmarks;

/// <summary>
/// SWIM with Lifeguard on the simulator, LAN profile, 1 ms ± 0.5 ms links. For each N: the time
/// until 99 % and 100 % of members list a joining node alive; the time until every survivor marks a
/// crashed node dead; per-node messages and bytes per second at steady state. Separately, false
/// deaths per node-hour under random loss. Clusters start from an agreed member list (so N = 10,000
/// does not spend its time on 10,000 joins); everything measured afterwards runs the full protocol.
/// </summary>
internal static class MembershipSimulation
{
    private static readonly MembershipSettings Lan = MembershipSettings.FromProfile("lan");

    public static int Run(string[] args)
    {
        var a = new BenchmarkArgs(args);
        var seed = (ulong)a.Get("seed", 42);
        var sizes = a.GetList("nodes", [100, 1000, 10000]);
        var losses = a.GetList("loss-percent", [1, 5, 10]);
        var fpNodes = (int)a.Get("fp-nodes", 100);
        var fpMinutes = a.Get("fp-minutes", 60);
        Console.WriteLine($"membership-sim seed={seed} profile=lan link=1ms±0.5ms date={DateTime.UtcNow:yyyy-MM-dd}");
        if (!a.Has("skip-scale"))
        {
            double? baseLoad = null;
            foreach (var n in sizes)
            {
                var load = Scale((int)n, seed);
                baseLoad ??= load;
                Console.WriteLine($"  N={n}: load ratio vs N={sizes[0]}: {load / baseLoad.Value:0.000}x");
            }
        }

        if (!a.Has("skip-loss"))
        {
            foreach (var loss in losses)
            {
                FalsePositives(fpNodes, loss / 100.0, TimeSpan.FromMinutes(fpMinutes), seed);
            }
        }

        return 0;
    }

    /// <summary>Join, crash and load at one N; returns messages per node per second.</summary>
    private static double Scale(int n, ulong seed)
    {
        var wall = Stopwatch.StartNew();
        var cluster = new SimulatedCluster(seed, Lan);
        var joinSeen = new List<TimeSpan>();
        var deadSeen = new List<TimeSpan>();
        TimeSpan? firstSuspect = null;
        string? joiner = null, victim = null;
        cluster.OnEvent = (_, kind, member, at) =>
        {
            if (kind == MemberEventKind.Joined && member.NodeId == joiner)
            {
                joinSeen.Add(at);
            }
            else if (kind == MemberEventKind.Dead && member.NodeId == victim)
            {
                deadSeen.Add(at);
            }
            else if (kind == MemberEventKind.Suspect && member.NodeId == victim)
            {
                firstSuspect ??= at;
            }
        };
        cluster.AddAgreed(n);
        var sim = cluster.Simulation;
        var built = wall.Elapsed;
        sim.RunFor(TimeSpan.FromSeconds(10));

        // Steady-state load: 30 s with nothing happening.
        var sentBefore = Enumerable.Range(0, n).Select(cluster.MessagesSent).ToArray();
        var bytesBefore = Enumerable.Range(0, n).Select(cluster.BytesSent).ToArray();
        var window = TimeSpan.FromSeconds(30);
        sim.RunFor(window);
        var perNodeMessages = Enumerable.Range(0, n).Select(i => (cluster.MessagesSent(i) - sentBefore[i]) / window.TotalSeconds).ToArray();
        var perNodeBytes = Enumerable.Range(0, n).Select(i => (cluster.BytesSent(i) - bytesBefore[i]) / window.TotalSeconds).ToArray();

        // Join: a new node joins through a random member; measured from its start.
        var joinStart = sim.Now;
        var newcomer = cluster.Add(seeds: [(int)(seed % (ulong)n)]);
        joiner = cluster.NodeId(newcomer);
        sim.RunUntil(() => joinSeen.Count >= n, TimeSpan.FromMinutes(5));
        var join99 = Percentile(joinSeen, n, 0.99, joinStart);
        var join100 = joinSeen.Count >= n ? joinSeen.Max() - joinStart : (TimeSpan?)null;

        // Crash: a random old member stops; measured until every survivor marks it dead.
        sim.RunFor(TimeSpan.FromSeconds(5));
        var victimIndex = (int)((seed * 7919) % (ulong)n);
        victim = cluster.NodeId(victimIndex);
        var crashAt = sim.Now;
        cluster.Node(victimIndex).Crash();
        var survivors = n; // n old members + the newcomer - the victim
        sim.RunUntil(() => deadSeen.Count >= survivors, TimeSpan.FromMinutes(10));
        var dead99 = Percentile(deadSeen, survivors, 0.99, crashAt);
        var dead100 = deadSeen.Count >= survivors ? deadSeen.Max() - crashAt : (TimeSpan?)null;
        var suspicionMin = SwimFormulas.SuspicionMinimum(Lan.SuspicionMult, n, Lan.ProbeInterval);

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"N={n}: join seen alive by 99% {Fmt(join99)} / 100% {Fmt(join100)}; crash marked dead by 99% {Fmt(dead99)} / 100% {Fmt(dead100)} " +
            $"(first suspected after {Fmt(firstSuspect - crashAt)}; least suspicion timeout {suspicionMin.TotalSeconds:0.0} s); load per node {perNodeMessages.Average():0.00} msg/s (max {perNodeMessages.Max():0.00}), " +
            $"{perNodeBytes.Average():0} B/s (max {perNodeBytes.Max():0}); simulated {sim.Now.TotalSeconds:0} s in {wall.Elapsed.TotalSeconds:0.0} s wall " +
            $"(setup {built.TotalSeconds:0.0} s), {GC.GetTotalMemory(false) / (1024 * 1024)} MiB heap"));
        return perNodeMessages.Average();
    }

    private static void FalsePositives(int n, double loss, TimeSpan duration, ulong seed)
    {
        var wall = Stopwatch.StartNew();
        var cluster = new SimulatedCluster(seed, Lan, LinkProfile.Lan with { Loss = loss });
        long deaths = 0, suspicions = 0;
        var deadSubjects = new HashSet<string>();
        cluster.OnEvent = (_, kind, member, _) =>
        {
            if (kind == MemberEventKind.Dead)
            {
                deaths++;
                deadSubjects.Add(member.NodeId);
            }
            else if (kind == MemberEventKind.Suspect)
            {
                suspicions++;
            }
        };
        cluster.AddAgreed(n);
        cluster.Simulation.RunFor(duration);
        var nodeHours = n * duration.TotalHours;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"loss={loss:P0} N={n} {duration.TotalMinutes:0} min: false deaths {deadSubjects.Count} members ({deadSubjects.Count / nodeHours:0.0000} per node-hour; " +
            $"{deaths} dead declarations in all), suspect events {suspicions / nodeHours:0.0} per node-hour (each suspicion is an event on every member that hears it); {cluster.Simulation.Network.Lost:N0} messages lost; {wall.Elapsed.TotalSeconds:0.0} s wall"));
    }

    private static TimeSpan? Percentile(List<TimeSpan> seen, int population, double fraction, TimeSpan from)
    {
        var needed = (int)Math.Ceiling(population * fraction);
        if (seen.Count < needed)
        {
            return null;
        }

        var sorted = seen.OrderBy(t => t).ToList();
        return sorted[needed - 1] - from;
    }

    private static string Fmt(TimeSpan? t) => t is { } v ? string.Create(CultureInfo.InvariantCulture, $"{v.TotalSeconds:0.000} s") : "not reached";
}
