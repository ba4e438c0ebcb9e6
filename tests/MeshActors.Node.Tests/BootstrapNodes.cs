using System.Diagnostics;
using MeshActors.Tests.Discovery.Dns;

namespace MeshActors.Node.Tests;

/// <summary>
/// Node processes that find each other only through Cluster Bootstrap: dnsmasq serves the SRV
/// name <see cref="SrvName"/> with one target per node (<c>boot-i.test.local</c>, 127.0.0.1) at
/// that node's <b>bootstrap</b> port; no node has static seeds. Each node has a certificate from one CA, and its own remoting,
/// control and bootstrap ports, picked free before the records are written. <see cref="LaunchAsync"/>
/// starts a fresh set (new ports, new data folders, a new dnsmasq): one cold start.
/// </summary>
internal sealed class BootstrapNodes : IAsyncDisposable
{
    public const string Cluster = "boot-test";
    public const string SrvName = "_mesh._tcp.test.local";

    /// <summary>
    /// The discovery method Cluster Bootstrap uses: null = the default tiered method
    /// default, bootstrap is pointed at <c>meshactors-dns</c>, which maps Lookup("test.local",
    /// "mesh", "tcp") to <see cref="SrvName"/>. Set this to null to use the default method
    /// (<c>meshactors</c>, reading <c>meshactors.discovery.dns.*</c>).
    /// </summary>
    public static readonly string? DiscoveryMethodOverride = null;

    private readonly TlsTestPki _pki = new(Cluster);
    private readonly Dictionary<string, TlsTestPki.NodeFiles> _certificates = [];
    private readonly string _dir = Directory.CreateTempSubdirectory("meshactors-bootstrap-").FullName;
    private DnsServerProcess? _dns;
    private int _launch;

    /// <summary>The nodes of the current launch, in order.</summary>
    public IReadOnlyList<BootstrapNode> Nodes { get; private set; } = [];

    /// <summary>How long starting every process of the last launch took (launch of the first to launch of the last).</summary>
    public TimeSpan LaunchSpan { get; private set; }

    public static string NodeId(int i) => $"boot-{i}";

    /// <summary>The <c>akka.*</c> settings that choose the discovery method (empty for the default).</summary>
    public static IEnumerable<string> DiscoveryMethodSettings() => DiscoveryMethodOverride is null
        ? []
        : [
            $"akka.management.cluster.bootstrap.contact-point-discovery.discovery-method={DiscoveryMethodOverride}",
            "akka.management.cluster.bootstrap.contact-point-discovery.service-name=test.local",
            "akka.management.cluster.bootstrap.contact-point-discovery.port-name=mesh",
        ];

    /// <summary>Stops the previous launch, then starts <paramref name="count"/> nodes back to back
    /// (no awaits between the process starts), each with <paramref name="extra"/> settings.</summary>
    public async Task LaunchAsync(int count, params string[] extra)
    {
        await StopAsync();
        _launch++;
        var ports = new HashSet<int>();
        int Port()
        {
            while (true)
            {
                var port = FreePort.UdpAndTcp();
                if (ports.Add(port))
                {
                    return port;
                }
            }
        }

        var layout = Enumerable.Range(1, count).Select(i => (Id: NodeId(i), Remoting: Port(), Control: Port(), Bootstrap: Port())).ToList();
        _dns = await Dnsmasq.StartAsync(layout.SelectMany(n => new[] { $"srv-host={SrvName},{n.Id}.test.local,{n.Bootstrap},10,50", $"host-record={n.Id}.test.local,127.0.0.1" }));
        var arguments = layout.Select(n => Arguments(n.Id, n.Remoting, n.Control, n.Bootstrap, extra)).ToList();

        var clock = Stopwatch.StartNew();
        var nodes = new List<BootstrapNode>();
        for (var i = 0; i < count; i++)
        {
            nodes.Add(new BootstrapNode(layout[i].Id, layout[i].Control, layout[i].Bootstrap, ChildProcess.StartDotnet(RepoPaths.NodeDll, arguments[i])));
        }

        LaunchSpan = clock.Elapsed;
        Nodes = nodes;
    }

    /// <summary>Every node's whole output, for a failure's account (an exited node's once its output is drained).</summary>
    public async Task<string> OutputsAsync()
    {
        var parts = new List<string>();
        foreach (var n in Nodes)
        {
            var state = n.Process.HasExited ? $"exited {await n.Process.WaitForExitAsync(TimeSpan.FromSeconds(5))}" : "running";
            parts.Add($"===== {n.Id} (control {n.ControlPort}, bootstrap {n.BootstrapPort}, {state})\n{n.Process.Output}");
        }

        return string.Join('\n', parts);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _pki.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    private List<string> Arguments(string id, int remoting, int control, int bootstrap, string[] extra)
    {
        if (!_certificates.TryGetValue(id, out var files))
        {
            files = _certificates[id] = _pki.Issue(id, Cluster, _pki.CaA);
        }

        string[] settings =
        [
            $"meshactors.node.id={id}", $"meshactors.cluster.id={Cluster}",
            $"meshactors.node.data-dir=\"{Path.Combine(_dir, $"run-{_launch}", id)}\"",
            $"meshactors.transport.port={remoting}", $"meshactors.control.port={control}", $"meshactors.bootstrap.port={bootstrap}",
            "meshactors.membership.profile=lan",
            $"meshactors.transport.tls.ca=\"{files.CaPath}\"", $"meshactors.transport.tls.cert=\"{files.CertPath}\"", $"meshactors.transport.tls.key=\"{files.KeyPath}\"",
            "meshactors.discovery.dns.enabled=true", $"meshactors.discovery.dns.srv=\"{SrvName}\"", $"meshactors.discovery.dns.server=\"{_dns!.Server}\"",
            .. DiscoveryMethodSettings(),
            .. extra,
        ];
        return [.. settings.SelectMany(s => new[] { "--set", s })];
    }

    private async Task StopAsync()
    {
        foreach (var node in Nodes)
        {
            node.Process.Dispose();
        }

        Nodes = [];
        if (_dns is not null)
        {
            await _dns.DisposeAsync();
            _dns = null;
        }
    }
}

/// <summary>One node of a <see cref="BootstrapNodes"/> launch.</summary>
internal sealed record BootstrapNode(string Id, int ControlPort, int BootstrapPort, ChildProcess Process);
