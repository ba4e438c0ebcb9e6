using System.Net;
using System.Security.Cryptography.X509Certificates;
using MeshActors.Security;

namespace MeshActors.Node.Tests;

/// <summary>
/// <c>meshctl discovery</c>, <c>discovery explain</c> and <c>peers add/remove</c> against real
/// nodes over mutual TLS: two separately formed clusters merge when one is introduced to the other
/// with the right key fingerprint, and a wrong fingerprint is refused. Mesh ports 25201–25203,
/// control ports 25301–25303.
/// </summary>
[Collection(ExclusiveProcessesCollection.Name)]
public sealed class MeshctlDiscoveryTests : IDisposable
{
    private const string Cluster = "peers-test";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    private readonly string _dir = Directory.CreateTempSubdirectory("meshactors-peers-").FullName;
    private readonly NodeControl _control = new();
    private readonly Dictionary<int, ChildProcess> _nodes = [];
    private readonly Dictionary<int, string> _fingerprints = [];

    public MeshctlDiscoveryTests()
    {
        using var ca = CertificateAuthority.Create(Cluster, TimeProvider.System, TimeSpan.FromDays(1));
        ca.Save(Path.Combine(_dir, "ca"));
        for (var i = 1; i <= 3; i++)
        {
            using X509Certificate2 cert = NodeCertificateIssuer.Issue(ca, Cluster, $"node-{i}", TimeProvider.System, TimeSpan.FromHours(12), ipAddresses: [IPAddress.Loopback]);
            NodeCertificateIssuer.SaveNode(cert, Path.Combine(_dir, $"node-{i}"));
            _fingerprints[i] = PublicKeyFingerprint.Of(cert);
        }
    }

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
    public async Task Peers_add_with_the_right_key_merges_two_clusters_and_explain_says_who_joined_whom()
    {
        _nodes[1] = Start(1);
        _nodes[2] = Start(2);
        await NodeControl.EventuallyAsync("both nodes form their own cluster", Deadline, async () =>
            (await _control.MembersAsync(25301)).Count == 1 && (await _control.MembersAsync(25302)).Count == 1, () => Task.FromResult(_nodes[1].Output + _nodes[2].Output));

        var wrongKey = "sha256:" + new string('0', 64);
        var (refusedExit, refused) = await Meshctl("peers", "add", "127.0.0.1:25202", "--fingerprint", wrongKey, "--endpoint", "http://127.0.0.1:25301");
        refusedExit.Should().Be(1, refused);
        refused.Should().Contain("error:").And.Contain(wrongKey).And.Contain(_fingerprints[2]);

        var (addedExit, added) = await Meshctl("peers", "add", "127.0.0.1:25202", "--fingerprint", _fingerprints[2], "--endpoint", "http://127.0.0.1:25301");
        addedExit.Should().Be(0, added);
        added.Should().Contain("introduced node-2 at 127.0.0.1:25202 (in a cluster)");
        await NodeControl.EventuallyAsync("the introduced clusters merge", Deadline, async () =>
            (await _control.MembersAsync(25301)).GetValueOrDefault("node-2") == "alive" && (await _control.MembersAsync(25302)).GetValueOrDefault("node-1") == "alive",
            () => Task.FromResult(_nodes[1].Output + _nodes[2].Output));

        _nodes[3] = Start(3, "--set", "meshactors.discovery.static.seeds=[\"127.0.0.1:25201\"]");
        await NodeControl.EventuallyAsync("node 3 joins", Deadline, async () => (await _control.MembersAsync(25303)).Count == 3, () => Task.FromResult(_nodes[3].Output));

        var (explainExit, explain) = await Meshctl("discovery", "explain", "--endpoint", "http://127.0.0.1:25303");
        explainExit.Should().Be(0, explain);
        explain.Should().MatchRegex(@"node-3 joined the cluster through node-\d at 127\.0\.0\.1:2520\d \(\d+\.\d\d s after start\)");
        explain.Should().Contain("from the \"static\" provider").And.Contain("meshactors.discovery.static.seeds").And.Contain("answered that it is in a cluster");

        var (formedExit, formed) = await Meshctl("discovery", "explain", "--endpoint", "http://127.0.0.1:25301");
        formedExit.Should().Be(0, formed);
        formed.Should().Contain("node-1 formed a new cluster").And.Contain("no discovery is configured");

        var (tableExit, table) = await Meshctl("discovery", "--endpoint", "http://127.0.0.1:25303");
        tableExit.Should().Be(0, table);
        table.Should().Contain("bootstrap joined").And.Contain("PROVIDER").And.Contain("static").And.Contain("peer-cache").And.Contain("127.0.0.1:25201");

        var (removeExit, removed) = await Meshctl("peers", "remove", "node-2", "--endpoint", "http://127.0.0.1:25301");
        removeExit.Should().Be(0, removed);
        removed.Should().Contain("forgot node-2");
        var (unknownExit, unknown) = await Meshctl("peers", "remove", "nobody", "--endpoint", "http://127.0.0.1:25301");
        unknownExit.Should().Be(1, unknown);
        unknown.Should().Contain("no manually introduced or cached peer has node id or address \"nobody\"");
    }

    [Fact]
    public async Task Peers_add_rejects_a_bad_address_and_keeps_an_unreachable_one()
    {
        _nodes[1] = Start(1);
        await NodeControl.EventuallyAsync("the node is up", Deadline, async () => (await _control.MembersAsync(25301)).Count == 1, () => Task.FromResult(_nodes[1].Output));

        var (badExit, bad) = await Meshctl("peers", "add", "10.0.0.1", "--endpoint", "http://127.0.0.1:25301");
        badExit.Should().Be(1, bad);
        bad.Should().Contain("address: \"10.0.0.1\" has no port");

        var (keyExit, key) = await Meshctl("peers", "add", "127.0.0.1:25209", "--fingerprint", "abc", "--endpoint", "http://127.0.0.1:25301");
        keyExit.Should().Be(1, key);
        key.Should().Contain("error: fingerprint:").And.Contain("abc");

        using (var http = new HttpClient())
        {
            using var notJson = await http.PostAsync(new Uri("http://127.0.0.1:25301/control/peers"), new StringContent("address=10.0.0.1:7946"));
            ((int)notJson.StatusCode).Should().Be(400);
            (await notJson.Content.ReadAsStringAsync()).Should().Contain("the body is not JSON like");
        }

        var (laterExit, later) = await Meshctl("peers", "add", "127.0.0.1:25209", "--endpoint", "http://127.0.0.1:25301");
        laterExit.Should().Be(0, later);
        later.Should().Contain("added 127.0.0.1:25209, not reachable yet");
        var contacts = (await _control.GetAsync(25301, "/control/discovery"))!.Value.GetProperty("bootstrap").GetProperty("contacts");
        contacts.EnumerateArray().Should().Contain(c => c.GetProperty("address").GetString() == "127.0.0.1:25209" && c.GetProperty("provider").GetString() == "manual" && c.GetProperty("failures").GetInt32() >= 1,
            "the introduction's failed probe counts: the peer is re-dialled after a backoff, not at once");
        var providers = (await _control.GetAsync(25301, "/control/discovery"))!.Value.GetProperty("providers").EnumerateArray().ToList();
        providers.Should().Contain(p => p.GetProperty("name").GetString() == "dns" && !p.GetProperty("enabled").GetBoolean(), "providers that are off are listed as off");
        providers.Should().Contain(p => p.GetProperty("name").GetString() == "peer-cache" && p.GetProperty("enabled").GetBoolean());
    }

    private static async Task<(int Exit, string Output)> Meshctl(params string[] args)
    {
        using var cli = ChildProcess.StartDotnet(RepoPaths.MeshctlDll, args);
        var exit = await cli.WaitForExitAsync();
        return (exit, cli.Output);
    }

    private ChildProcess Start(int i, params string[] extra) => ChildProcess.StartDotnet(RepoPaths.NodeDll,
    [
        "--set", $"meshactors.node.id=node-{i}", "--set", $"meshactors.cluster.id={Cluster}",
        "--set", "meshactors.membership.profile=local",
        "--set", $"meshactors.transport.port={25200 + i}", "--set", $"meshactors.control.port={25300 + i}",
        "--set", $"meshactors.node.data-dir=\"{Path.Combine(_dir, "data-" + i)}\"",
        "--set", $"meshactors.transport.tls.ca=\"{Path.Combine(_dir, "ca", CertificateAuthority.CertificateFileName)}\"",
        "--set", $"meshactors.transport.tls.cert=\"{Path.Combine(_dir, $"node-{i}", NodeCertificateIssuer.CertificateFileName)}\"",
        "--set", $"meshactors.transport.tls.key=\"{Path.Combine(_dir, $"node-{i}", NodeCertificateIssuer.KeyFileName)}\"",
        .. extra,
    ]);
}
