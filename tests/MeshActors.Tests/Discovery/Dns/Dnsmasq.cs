namespace MeshActors.Tests.Discovery.Dns;

/// <summary>Starts dnsmasq serving the zone test.local with the given record lines (dnsmasq
/// config syntax, e.g. <c>srv-host=…</c>, <c>host-record=…</c>), with TTLs of 5 s.</summary>
internal static class Dnsmasq
{
    public static Task<DnsServerProcess> StartAsync(params IEnumerable<string> records) =>
        DnsServerProcess.StartAsync("dnsmasq", (port, folder) =>
        {
            var conf = Path.Combine(folder, "dnsmasq.conf");
            File.WriteAllLines(conf,
            [
                $"port={port}", "listen-address=127.0.0.1", "bind-interfaces", "no-resolv", "no-hosts", "no-poll",
                "local=/test.local/", "local-ttl=5", "log-queries=extra", .. records,
            ]);
            return $"--keep-in-foreground --conf-file={conf} --pid-file={Path.Combine(folder, "dnsmasq.pid")} --log-facility={Path.Combine(folder, "dnsmasq.log")} --user=root";
        }, "test.local");

    /// <summary>The questions dnsmasq logged for <paramref name="name"/>, once at least
    /// <paramref name="atLeast"/> are there (or at the deadline). Each carries the id of the
    /// process that answered: dnsmasq answers TCP in a child process, UDP in its own.</summary>
    public static async Task<IReadOnlyList<(int Pid, string Type)>> QuestionsAsync(DnsServerProcess server, string name, int atLeast)
    {
        var lines = await server.LogAsync("dnsmasq.log", l => Questions(l, name).Count >= atLeast);
        return Questions(lines, name);
    }

    private static List<(int Pid, string Type)> Questions(IReadOnlyList<string> lines, string name) =>
        lines.Select(l => System.Text.RegularExpressions.Regex.Match(l, @"dnsmasq\[(\d+)\]: .* query\[(\w+)\] (\S+) from "))
            .Where(m => m.Success && string.Equals(m.Groups[3].Value, name, StringComparison.OrdinalIgnoreCase))
            .Select(m => (int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), m.Groups[2].Value))
            .ToList();

    /// <summary>The two-node zone of TESTPEERS.md: an SRV name with two targets and their A records.</summary>
    public static readonly string[] TwoNodes =
    [
        "srv-host=_mesh._tcp.test.local,node1.test.local,7946,10,50",
        "srv-host=_mesh._tcp.test.local,node2.test.local,7947,20,50",
        "host-record=node1.test.local,127.0.0.11",
        "host-record=node2.test.local,127.0.0.12",
        "txt-record=_mesh._tcp.test.local,\"cluster=demo\"",
    ];
}
