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
                "local=/test.local/", "local-ttl=5", .. records,
            ]);
            return $"--keep-in-foreground --conf-file={conf} --pid-file={Path.Combine(folder, "dnsmasq.pid")} --log-facility={Path.Combine(folder, "dnsmasq.log")} --user=root";
        }, "test.local");

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
