using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace MeshActors.Benchmarks;

/// <summary>
/// <c>discovery-timing</c>: how long a node process takes from launch to being in the cluster,
/// with one seed on loopback over mutual TLS, and how soon each provider yields its first contact
/// points. The anchor, measured in the same run, is launch → "node is up" (the .NET start and the
/// transport listening): what the bootstrap itself adds is the difference. With dnsmasq on the
/// machine, the joiner also runs the DNS provider against an SRV name that points at the seed.
/// </summary>
internal static class DiscoveryTiming
{
    private const int MeshPortBase = 26000;
    private const int ControlPortBase = 26100;

    public static async Task<int> RunAsync(string[] raw)
    {
        var args = new BenchmarkArgs(raw);
        var runs = (int)args.Get("runs", 10);
        var dir = Directory.CreateTempSubdirectory("meshactors-discovery-timing-").FullName;
        var logs = Path.Combine(dir, "logs");
        Directory.CreateDirectory(logs);
        NodeCluster.IssueCertificates(dir, 2);
        var spec = new ClusterSpec(MembershipCompare.NodeDll(args), 1, "lan", MeshPortBase, ControlPortBase, dir, logs, "Information", TimeSpan.FromMilliseconds(20), false, TimeSpan.FromSeconds(60));
        using var cluster = new NodeCluster(spec);
        await cluster.StartAsync();
        using var dnsmasq = StartDnsmasq(dir, out var dnsServer);
        string[] dns = dnsServer is null ? [] :
        [
            "meshactors.discovery.dns.enabled=true", "meshactors.discovery.dns.srv=_mesh._tcp.bench.test", $"meshactors.discovery.dns.server=\"{dnsServer}\"",
        ];
        Console.WriteLine($"discovery-timing: {runs} runs, one seed on loopback, mutual TLS, providers static{(dns.Length > 0 ? " + dns (dnsmasq)" : string.Empty)} + peer-cache; {Environment.ProcessorCount} cores");
        var rows = new List<Dictionary<string, double>>();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        for (var run = 0; run < runs; run++)
        {
            var data = Path.Combine(dir, "data", NodeCluster.NodeId(1));
            if (Directory.Exists(data))
            {
                Directory.Delete(data, recursive: true); // a fresh node each run: no peer cache
            }

            var launch = DateTime.Now.TimeOfDay;
            using var joiner = cluster.StartNode(1, dns);
            await cluster.PollAsync("join", [joiner], async n => await cluster.IsReadyAsync(n) ? n.ReadyAt : null, spec.Deadline);
            var report = await http.GetFromJsonAsync<JsonElement>(new Uri($"http://127.0.0.1:{ControlPortBase + 1}/control/discovery"));
            var row = new Dictionary<string, double>
            {
                ["launch → node up (anchor)"] = Since(launch, joiner.LogPath, @"\[3001\]"),
                ["launch → joined"] = Since(launch, joiner.LogPath, @"\[7011\]"),
                ["discovery start → joined"] = report.GetProperty("bootstrap").GetProperty("upAfterMs").GetDouble(),
            };
            row["bootstrap added (joined − node up)"] = row["launch → joined"] - row["launch → node up (anchor)"];
            foreach (var provider in report.GetProperty("providers").EnumerateArray())
            {
                if (provider.GetProperty("firstContactAfterMs") is { ValueKind: JsonValueKind.Number } first)
                {
                    row[$"discovery start → first contact points: {provider.GetProperty("name").GetString()}"] = first.GetDouble();
                }

                row[$"one run: {provider.GetProperty("name").GetString()}"] = provider.GetProperty("lastDurationMs").GetDouble();
            }

            rows.Add(row);
            joiner.Terminate();
            await joiner.WaitForExitAsync(TimeSpan.FromSeconds(20));
            Console.WriteLine($"run {run + 1}: launch → joined {row["launch → joined"]:0} ms (node up at {row["launch → node up (anchor)"]:0} ms)");
        }

        Console.WriteLine();
        Console.WriteLine("| measure | median ms | min | max |");
        Console.WriteLine("| --- | --- | --- | --- |");
        foreach (var key in rows.SelectMany(r => r.Keys).Distinct())
        {
            var values = rows.Where(r => r.ContainsKey(key)).Select(r => r[key]).Order().ToList();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {key} | {values[values.Count / 2]:0.0} | {values[0]:0.0} | {values[^1]:0.0} |"));
        }

        var medianJoined = rows.Select(r => r["launch → joined"]).Order().ElementAt(rows.Count / 2);
        var medianUp = rows.Select(r => r["launch → node up (anchor)"]).Order().ElementAt(rows.Count / 2);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio launch→joined / launch→node up (medians): {medianJoined / medianUp:0.00}"));
        Directory.Delete(dir, recursive: true);
        return 0;
    }

    /// <summary>Milliseconds from <paramref name="launch"/> (local time of day) to the first log line matching <paramref name="pattern"/>.</summary>
    private static double Since(TimeSpan launch, string logPath, string pattern)
    {
        var line = File.ReadLines(logPath).First(l => Regex.IsMatch(l, pattern));
        var at = TimeSpan.ParseExact(line[..12], @"hh\:mm\:ss\.fff", CultureInfo.InvariantCulture);
        return (at - launch).TotalMilliseconds;
    }

    private static Process? StartDnsmasq(string dir, out string? server)
    {
        server = null;
        if (!File.Exists("/usr/sbin/dnsmasq"))
        {
            return null;
        }

        const int port = 26253;
        var conf = Path.Combine(dir, "dnsmasq.conf");
        File.WriteAllLines(conf,
        [
            $"port={port}", "listen-address=127.0.0.1", "bind-interfaces", "no-resolv", "no-hosts", "no-poll", "local=/bench.test/", "local-ttl=5",
            $"srv-host=_mesh._tcp.bench.test,seed.bench.test,{MeshPortBase},10,50", "host-record=seed.bench.test,127.0.0.1",
        ]);
        server = $"127.0.0.1:{port}";
        return Process.Start("/usr/sbin/dnsmasq", $"--keep-in-foreground --conf-file={conf} --pid-file={Path.Combine(dir, "dnsmasq.pid")} --user=root");
    }
}
