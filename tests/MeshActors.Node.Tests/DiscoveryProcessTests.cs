using System.Text.Json;
using MeshActors.Tests.Discovery.Dns;
using Xunit.Abstractions;

namespace MeshActors.Node.Tests;

/// <summary>
/// Discovery with real processes: five nodes that find each other only through an SRV name on a
/// real dnsmasq form exactly one cluster, and a node restarted with every seed gone rejoins from
/// its peer cache. Mesh ports 25001–25009, control ports 25101–25109.
/// </summary>
[Collection(ExclusiveProcessesCollection.Name)]
public sealed class DiscoveryProcessTests(ITestOutputHelper output) : IDisposable
{
    private const int MeshPortBase = 25000;
    private const int ControlPortBase = 25100;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);
    private readonly string _dir = Directory.CreateTempSubdirectory("meshactors-discovery-").FullName;
    private readonly NodeControl _control = new();
    private readonly Dictionary<int, ChildProcess> _nodes = [];

    public void Dispose()
    {
        foreach (var node in _nodes.Values)
        {
            node.Dispose();
        }

        _control.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task Five_nodes_found_through_one_SRV_name_on_dnsmasq_form_exactly_one_cluster()
    {
        var all = Enumerable.Range(1, 5).ToList();
        await using var dns = await Dnsmasq.StartAsync(all.SelectMany(i => new[]
        {
            $"srv-host=_mesh._tcp.test.local,node{i}.test.local,{MeshPortBase + i},10,50",
            $"host-record=node{i}.test.local,127.0.0.1",
        }));
        foreach (var i in all)
        {
            _nodes[i] = Start(i, "--set", "meshactors.discovery.dns.enabled=true", "--set", "meshactors.discovery.dns.srv=_mesh._tcp.test.local",
                "--set", $"meshactors.discovery.dns.server=\"{dns.Server}\"", "--set", "meshactors.discovery.bootstrap.stable-margin=2s");
        }

        var took = await NodeControl.EventuallyAsync("every node lists all five alive", Deadline, async () =>
        {
            foreach (var i in all)
            {
                var members = await _control.MembersAsync(ControlPortBase + i);
                if (members.Count != 5 || members.Values.Any(s => s != "alive"))
                {
                    return false;
                }
            }

            return true;
        }, () => Describe(all));
        output.WriteLine($"one cluster of 5 after {took.TotalSeconds:0.00} s");

        var decisions = new List<string>();
        foreach (var i in all)
        {
            var report = (await _control.GetAsync(ControlPortBase + i, "/control/discovery"))!.Value;
            var bootstrap = report.GetProperty("bootstrap");
            bootstrap.GetProperty("state").GetString().Should().Be("joined");
            decisions.Add(bootstrap.GetProperty("decision").GetProperty("kind").GetString()!);
            report.GetProperty("providers").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "dns").GetProperty("targetsFound").GetInt32().Should().Be(5);
        }

        decisions.Count(d => d == "form").Should().Be(1, "exactly one node forms the cluster");
        (await _control.GetAsync(ControlPortBase + 1, "/control/discovery"))!.Value.GetProperty("bootstrap").GetProperty("decision").GetProperty("kind").GetString()
            .Should().Be("form", "node 1 has the lowest address, 127.0.0.1:25001");
    }

    [Fact]
    public async Task A_node_restarted_with_every_seed_gone_rejoins_from_its_peer_cache()
    {
        _nodes[1] = Start(1);
        _nodes[2] = Start(2, Seed(1));
        _nodes[3] = Start(3, Seed(1));
        await NodeControl.EventuallyAsync("three nodes see each other", Deadline, () => AllSee([1, 2, 3], 3), () => Describe([1, 2, 3]));

        _nodes[3].Terminate();
        (await _nodes[3].WaitForExitAsync(Deadline)).Should().Be(0);
        _nodes[1].Crash();
        await NodeControl.EventuallyAsync("node 2 sees node 1 dead", Deadline, async () => (await _control.MembersAsync(ControlPortBase + 2)).GetValueOrDefault("node-1") == "dead", () => Describe([2]));

        _nodes[3].Dispose();
        _nodes[3] = Start(3); // no seeds, no discovery: only the peer cache in its data folder knows anyone
        await NodeControl.EventuallyAsync("node 3 rejoins node 2", Deadline, async () =>
            (await _control.MembersAsync(ControlPortBase + 3)).GetValueOrDefault("node-2") == "alive" &&
            (await _control.MembersAsync(ControlPortBase + 2)).GetValueOrDefault("node-3") == "alive", () => Describe([2, 3]));

        var decision = (await _control.GetAsync(ControlPortBase + 3, "/control/discovery"))!.Value.GetProperty("bootstrap").GetProperty("decision");
        decision.GetProperty("kind").GetString().Should().Be("join");
        decision.GetProperty("provider").GetString().Should().Be("peer-cache");
        decision.GetProperty("throughNodeId").GetString().Should().Be("node-2");
    }

    private static string[] Seed(int i) => ["--set", $"meshactors.discovery.static.seeds=[\"127.0.0.1:{MeshPortBase + i}\"]"];

    private ChildProcess Start(int i, params string[] extra) => ChildProcess.StartDotnet(RepoPaths.NodeDll,
    [
        "--set", $"meshactors.node.id=node-{i}", "--set", "meshactors.cluster.id=discovery-test",
        "--set", "meshactors.transport.tls.mode=insecure", "--set", "meshactors.membership.profile=local",
        "--set", $"meshactors.transport.port={MeshPortBase + i}", "--set", $"meshactors.control.port={ControlPortBase + i}",
        "--set", $"meshactors.node.data-dir=\"{Path.Combine(_dir, "data-" + i)}\"",
        .. extra,
    ]);

    private async Task<bool> AllSee(IReadOnlyList<int> nodes, int count)
    {
        foreach (var i in nodes)
        {
            var members = await _control.MembersAsync(ControlPortBase + i);
            if (members.Values.Count(s => s == "alive") != count)
            {
                return false;
            }
        }

        return true;
    }

    private async Task<string> Describe(IEnumerable<int> nodes)
    {
        var text = new System.Text.StringBuilder();
        foreach (var i in nodes)
        {
            var discovery = await _control.GetAsync(ControlPortBase + i, "/control/discovery");
            text.AppendLine($"--- node-{i}: members {string.Join(' ', (await _control.MembersAsync(ControlPortBase + i)).Select(m => $"{m.Key}={m.Value}"))}");
            text.AppendLine(discovery is { } d ? JsonSerializer.Serialize(d.GetProperty("bootstrap")) : "(no discovery answer)");
            text.AppendLine(string.Join('\n', _nodes[i].Output.Split('\n').TakeLast(15)));
        }

        return text.ToString();
    }
}
