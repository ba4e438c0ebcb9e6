using System.Diagnostics;
using System.Globalization;
using MeshActors.Sharding;
using MeshActors.Sharding.Table;

namespace MeshActors.Benchmarks.Sharding;

/// <summary>
/// <c>shard-lookup</c>: the in-process owner lookup every node answers from its copy of a shard table,
/// <c>table.OwnerOf(table.ShardOf(key))</c>, timed one call at a time with the high-resolution clock
/// over <c>--calls</c> keys (like <c>customer-12345</c>), against an empty timed call in the same run (the
/// clock's own cost, which every single-call figure includes). The table is
/// src/MeshActors/Sharding/Table compiled in (see the project file).
/// </summary>
internal static class ShardLookupCommand
{
    public const string Usage = "shard-lookup [--seed 1] [--shards 10000] [--owners 50] [--calls 1000000]";

    public static int Run(string[] raw)
    {
        var args = new BenchmarkArgs(raw);
        var seed = (int)args.Get("seed", 1);
        var shards = (int)args.Get("shards", 10_000);
        var owners = (int)args.Get("owners", 50);
        var calls = (int)args.Get("calls", 1_000_000);
        if (shards is < 1 or > ShardNamespace.MaxShardCount || owners < 1 || calls < 1000)
        {
            Console.Error.WriteLine("usage: MeshActors.Benchmarks " + Usage);
            return 2;
        }

        var ns = new ShardNamespace("orders", shards);
        var members = Enumerable.Range(0, owners).Select(i => ShardMember.Plain($"node-{i:000}")).ToList();
        var placement = new RendezvousStrategy().Prepare(ns, members).AssignAll();
        var table = ShardTable.Create("orders", 1, 1, DateTimeOffset.UnixEpoch, [.. Enumerable.Range(0, shards).Select(s => new ShardEntry(placement[s], ShardState.Active))]);
        var random = new Random(seed);
        var keys = Enumerable.Range(0, calls).Select(_ => "customer-" + random.Next(0, 10_000_000).ToString(CultureInfo.InvariantCulture)).ToArray();

        var sink = 0;
        foreach (var key in keys.Take(100_000))
        {
            sink += table.OwnerOf(table.ShardOf(key)).Length; // warm up (tiered JIT)
        }

        var lookup = new long[calls];
        var empty = new long[calls];
        for (var i = 0; i < calls; i++)
        {
            var start = Stopwatch.GetTimestamp();
            sink += table.OwnerOf(table.ShardOf(keys[i])).Length;
            lookup[i] = Stopwatch.GetTimestamp() - start;
            start = Stopwatch.GetTimestamp();
            empty[i] = Stopwatch.GetTimestamp() - start;
        }

        var batch = Stopwatch.StartNew();
        foreach (var key in keys)
        {
            sink += table.OwnerOf(table.ShardOf(key)).Length;
        }

        var meanNs = batch.Elapsed.TotalNanoseconds / calls;
        Console.WriteLine($"shard-lookup --seed {seed} --shards {shards} --owners {owners} --calls {calls}; {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; {Environment.ProcessorCount} cores; load {LoadAverage()} (checksum {sink % 10})");
        Console.WriteLine("| measure | p50 (ns) | p99 (ns) | p99.9 (ns) | max (ns) |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: |");
        Console.WriteLine(Row("OwnerOf(ShardOf(key)), one call", lookup));
        Console.WriteLine(Row("empty timed call (the clock itself)", empty));
        Console.WriteLine($"mean over {calls:N0} calls in one loop (no clock per call): {meanNs:0.0} ns");
        return 0;
    }

    private static string Row(string what, long[] ticks)
    {
        Array.Sort(ticks);
        double Ns(double q) => ticks[Math.Min(ticks.Length - 1, (int)(q * ticks.Length))] * 1e9 / Stopwatch.Frequency;
        return $"| {what} | {Ns(0.50):0} | {Ns(0.99):0} | {Ns(0.999):0} | {ticks[^1] * 1e9 / Stopwatch.Frequency:0} |";
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";
}
