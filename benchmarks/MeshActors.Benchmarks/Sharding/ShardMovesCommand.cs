using System.Diagnostics;
using System.Globalization;
using MeshActors.Sharding;

namespace MeshActors.Benchmarks.Sharding;

/// <summary>
/// <c>shard-moves</c>: for each strategy, member count N and shard count S, the fraction of shards
/// that move when one member joins N (ideal 1/(N+1)) and when one of N+1 leaves (ideal 1/(N+1)),
/// over <c>--trials</c> different joiners and leavers; the max/mean load; and a micro-measure of a
/// lookup in the precomputed table against computing the owner. The placement code is
/// src/MeshActors/Sharding compiled in (see the project file).
/// </summary>
internal static class ShardMovesCommand
{
    public const string Usage = "shard-moves [--seed 1] [--trials 20] [--nodes 5,10,20,50,100,200] [--shards 1000,10000] [--strategies rendezvous,ring,locality] [--ring-vnodes 1024]";

    private static readonly (string Zone, string Region)[] Zones = [("eu-1a", "eu"), ("eu-1b", "eu"), ("us-1a", "us")];

    public static int Run(string[] raw)
    {
        var args = new BenchmarkArgs(raw);
        var seed = args.Get("seed", 1);
        var trials = (int)args.Get("trials", 20);
        var nodeCounts = args.GetList("nodes", [5, 10, 20, 50, 100, 200]);
        var shardCounts = args.GetList("shards", [1000, 10000]);
        var strategies = args.Get("strategies", string.Join(',', ShardPlacementStrategies.Names)).Split(',');
        var ringVirtualNodes = (int)args.Get("ring-vnodes", RingStrategy.DefaultVirtualNodesPer100);
        if (trials < 1 || strategies.Any(s => ShardPlacementStrategies.Find(s) is null))
        {
            Console.Error.WriteLine("usage: MeshActors.Benchmarks " + Usage);
            return 2;
        }

        Console.WriteLine($"shard-moves --seed {seed} --trials {trials} --ring-vnodes {ringVirtualNodes}; {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; {Environment.ProcessorCount} cores; load {LoadAverage()}");
        Console.WriteLine("+1: one member joins N; −1: one of N+1 leaves; ideal 1/(N+1) for both (locality: over the members it places on, mean of the +1 trials). Moved: mean (min–max) over the trials; ≤bound: trials within ideal + 1 %.");
        Console.WriteLine("Lookup (micro-measure, Stopwatch over many iterations, includes the loop): table = read the precomputed owner; compute = OwnerOf(shard).");
        Console.WriteLine();
        Console.WriteLine("| strategy | N | shards | ideal | +1 moved | +1 ≤bound | −1 moved | −1 ≤bound | max/mean load | lookup table (ns) | lookup compute (ns) |");
        Console.WriteLine("| --- | ---: | ---: | ---: | --- | ---: | --- | ---: | ---: | ---: | ---: |");
        foreach (var name in strategies)
        {
            var strategy = name == RingStrategy.StrategyName ? new RingStrategy(ringVirtualNodes) : ShardPlacementStrategies.Find(name)!;
            foreach (var shards in shardCounts)
            {
                foreach (var nodes in nodeCounts)
                {
                    Console.WriteLine(Cell(strategy, (int)nodes, (int)shards, seed, trials));
                }
            }
        }

        return 0;
    }

    private static string Cell(IShardPlacementStrategy strategy, int nodes, int shards, long seed, int trials)
    {
        var random = new Random((int)seed ^ nodes ^ (shards << 8));
        ShardMember Member(string id)
        {
            var (zone, region) = Zones[random.Next(Zones.Length)];
            return new ShardMember(id, new HashSet<string>(), zone, region);
        }

        var ns = new ShardNamespace($"bench-{seed}", shards, preferredZone: "eu-1a", preferredRegion: "eu");
        var members = Enumerable.Range(0, nodes).Select(i => Member($"node-{seed}-{i}")).ToList();
        var placement = strategy.Prepare(ns, members);
        var table = placement.AssignAll();

        var joins = Enumerable.Range(0, trials).Select(t => Moved(placement, table, strategy.Prepare(ns, members.Append(Member($"joiner-{seed}-{t}"))))).ToList();
        var bigger = members.Append(Member($"extra-{seed}")).ToList();
        var biggerPlacement = strategy.Prepare(ns, bigger);
        var biggerTable = biggerPlacement.AssignAll();
        var leaves = Enumerable.Range(0, trials)
            .Select(t => bigger[(t * 7919 + (int)seed) % bigger.Count].Id)
            .Distinct()
            .Select(leaver => Moved(biggerPlacement, biggerTable, strategy.Prepare(ns, bigger.Where(m => m.Id != leaver))))
            .ToList();

        var (tableNs, computeNs) = Lookup(placement, table);
        return string.Create(CultureInfo.InvariantCulture,
            $"| {strategy.Name} | {nodes} | {shards} | {Percent(joins.Average(j => j.Ideal))} | {Spread(joins)} | {Within(joins)} | {Spread(leaves)} | {Within(leaves)} | " +
            $"{ShardMoves.MaxOverMean(table, placement.Owners.Count):0.00} | {tableNs:0.0} | {computeNs:0} |");
    }

    /// <summary>The moved fraction and the ideal one (1/(N+1) with equal capacities; for locality, that of the members it places over).</summary>
    private static (double Moved, double Ideal) Moved(ShardPlacement before, ShardAssignment beforeTable, ShardPlacement after) =>
        ((double)beforeTable.ShardsMovedTo(after.AssignAll()).Count() / beforeTable.ShardCount, ShardMoves.IdealFractionOf(before.Owners, after.Owners));

    private static (double TableNs, double ComputeNs) Lookup(ShardPlacement placement, ShardAssignment table)
    {
        var shards = table.ShardCount;
        var sink = 0;
        var tableIterations = 20_000_000;
        var computeIterations = Math.Max(20_000, 20_000_000 / Math.Max(1, placement.Owners.Count));
        for (var i = 0; i < 100_000; i++)
        {
            sink += table[i % shards].Length + placement.OwnerOf(i % shards).Length; // warm-up for the JIT's tiers
        }

        var watch = Stopwatch.StartNew();
        for (var i = 0; i < tableIterations; i++)
        {
            sink += table[(int)((uint)(i * 7919) % (uint)shards)].Length;
        }

        var tableNs = watch.Elapsed.TotalNanoseconds / tableIterations;
        watch.Restart();
        for (var i = 0; i < computeIterations; i++)
        {
            sink += placement.OwnerOf((int)((uint)(i * 7919) % (uint)shards)).Length;
        }

        var computeNs = watch.Elapsed.TotalNanoseconds / computeIterations;
        GC.KeepAlive(sink);
        return (tableNs, computeNs);
    }

    private static string Spread(List<(double Moved, double Ideal)> trials) =>
        string.Create(CultureInfo.InvariantCulture, $"{Percent(trials.Average(t => t.Moved))} ({Percent(trials.Min(t => t.Moved))}–{Percent(trials.Max(t => t.Moved))})");

    private static string Within(List<(double Moved, double Ideal)> trials) => $"{trials.Count(t => t.Moved <= t.Ideal + 0.01)}/{trials.Count}";

    private static string Percent(double fraction) => (fraction * 100).ToString("0.00", CultureInfo.InvariantCulture) + " %";

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";
}
