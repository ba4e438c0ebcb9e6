using System.Net;
using MeshActors.Security;

namespace MeshActors.Node.Tests;

/// <summary>
/// Akka.Remote's mutual TLS, with real node processes: a seed node of cluster <c>tls-test</c>
/// (CA A) and intruders that must never become members — a certificate from another CA, a
/// certificate naming another cluster, a key that does not match the seed's pin for that node
/// id — each refused with an audit event naming the reason. Also: a node of another cluster id
/// with TLS off is dropped by Akka itself; <c>openssl s_client</c> without a client certificate,
/// and with TLS 1.1 or 1.3, is refused; and a CA added to the seed's CA file while it runs is
/// trusted by the next handshake, without a restart.
/// </summary>
[Collection(ExclusiveProcessesCollection.Name)]
public sealed class RemoteTlsProcessTests : IDisposable
{
    private const string Cluster = "tls-test";
    private const int SeedPort = 25201;
    private const int SeedControl = 25301;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private readonly TlsTestPki _pki = new(Cluster);
    private readonly List<ChildProcess> _nodes = [];
    private readonly NodeControl _control = new();

    public void Dispose()
    {
        foreach (var node in _nodes)
        {
            node.Dispose();
        }

        _control.Dispose();
        _pki.Dispose();
    }

    [Fact]
    public async Task Intruders_are_refused_with_an_audit_event_and_never_become_members()
    {
        var pinnedElsewhere = _pki.Issue("spare", Cluster, _pki.CaA).Fingerprint;
        var seed = Start("node-1", SeedPort, SeedControl, _pki.Issue("node-1", Cluster, _pki.CaA), SeedPort, "--set", $"meshactors.transport.tls.pinned-keys.pinned-node=\"{pinnedElsewhere}\"");
        var member = Start("node-2", SeedPort + 1, SeedControl + 1, _pki.Issue("node-2", Cluster, _pki.CaA), SeedPort);
        await UntilMembers("node-2 joins", SeedControl, 2);

        var intruders = new (string Id, string ClusterId, TlsTestPki.NodeFiles Files, string Reason)[]
        {
            ("evil-ca", Cluster, _pki.Issue("evil-ca", Cluster, _pki.CaB), "untrusted"),
            ("stranger", "other-cluster", _pki.Issue("stranger", "other-cluster", _pki.CaA), "other_cluster"),
            ("pinned-node", Cluster, _pki.Issue("pinned-node", Cluster, _pki.CaA), "pinned_key_mismatch"),
        };
        var port = SeedPort + 10;
        foreach (var (id, clusterId, files, reason) in intruders)
        {
            port++;
            var intruder = Start(id, port, port + 100, files, SeedPort, "--set", $"meshactors.cluster.id={clusterId}");
            await seed.WaitForLineAsync($@"Audit tls-refused: peer {id} at .*, reason {reason}: ", Deadline);
            (await _control.GetAsync(port + 100, "/health/ready")).Should().BeNull($"{id} is not up in any cluster: ready answers 503");
            intruder.Dispose();
        }

        (await _control.MembersAsync(SeedControl)).Keys.Should().BeEquivalentTo(["node-1", "node-2"], "no intruder ever became a member");
        var metrics = await new HttpClient().GetStringAsync($"http://127.0.0.1:{SeedControl}/metrics");
        metrics.Should().MatchRegex("meshactors_tls_refusals_total\\{reason=\"untrusted\"\\} [1-9]").And.MatchRegex("meshactors_tls_refusals_total\\{reason=\"other_cluster\"\\} [1-9]").And.MatchRegex("meshactors_tls_refusals_total\\{reason=\"pinned_key_mismatch\"\\} [1-9]");
        member.HasExited.Should().BeFalse();
    }

    [Fact]
    public async Task Openssl_without_a_client_certificate_or_below_or_above_TLS_1_2_is_refused_and_TLS_1_2_with_one_is_accepted()
    {
        var files = _pki.Issue("node-1", Cluster, _pki.CaA);
        var seed = Start("node-1", SeedPort + 50, SeedControl + 50, files, SeedPort + 50);
        await seed.WaitForLineAsync("Akka.Remote listens on", Deadline);
        var target = $"127.0.0.1:{SeedPort + 50}";

        await OpenSsl.SClientAsync(["-connect", target, "-CAfile", _pki.CaA.CertPath, "-tls1_2"]);
        await seed.WaitForLineAsync("Mutual TLS required but client did not provide a certificate", Deadline);
        await seed.WaitForLineAsync(@"Rejected incoming connection from \S+ due to TLS handshake failure", Deadline);

        var tls11 = await OpenSsl.SClientAsync(["-connect", target, "-CAfile", _pki.CaA.CertPath, "-cert", files.CertPath, "-key", files.KeyPath, "-tls1_1", "-cipher", "DEFAULT:@SECLEVEL=0"]);
        tls11.ExitCode.Should().NotBe(0);
        tls11.Output.Should().Contain("alert handshake failure", "TLS 1.1 is offered by the client (security level 0) and refused by the node");

        var tls13 = await OpenSsl.SClientAsync(["-connect", target, "-CAfile", _pki.CaA.CertPath, "-cert", files.CertPath, "-key", files.KeyPath, "-tls1_3"]);
        tls13.ExitCode.Should().NotBe(0);
        tls13.Output.Should().Contain("alert protocol version", "DotNetty negotiates TLS 1.2 at most");

        var tls12 = await OpenSsl.SClientAsync(["-connect", target, "-CAfile", _pki.CaA.CertPath, "-cert", files.CertPath, "-key", files.KeyPath, "-tls1_2"]);
        tls12.Output.Should().Contain("Protocol version: TLSv1.2").And.Contain("Verification: OK");
    }

    [Fact]
    public async Task A_node_of_another_cluster_id_is_dropped_by_Akka_itself_with_TLS_off()
    {
        var seed = Start("plain-1", SeedPort + 60, SeedControl + 60, files: null, SeedPort + 60, "--set", "meshactors.cluster.id=plain");
        await UntilMembers("the seed forms its cluster", SeedControl + 60, 1);
        var stranger = Start("plain-2", SeedPort + 61, SeedControl + 61, files: null, SeedPort + 60, "--set", "meshactors.cluster.id=plain-other");

        await stranger.WaitForLineAsync("Couldn't join seed nodes after", Deadline);
        (await _control.MembersAsync(SeedControl + 60)).Keys.Should().BeEquivalentTo(["plain-1"]);
        seed.HasExited.Should().BeFalse();
    }

    [Fact]
    public async Task A_CA_added_to_the_CA_file_while_the_node_runs_is_trusted_by_the_next_handshake()
    {
        var seedFiles = _pki.Issue("node-1", Cluster, _pki.CaA);
        var seed = Start("node-1", SeedPort + 70, SeedControl + 70, seedFiles, SeedPort + 70, "--set", "meshactors.transport.tls.reload-check-interval=200ms");
        await UntilMembers("the seed forms its cluster", SeedControl + 70, 1);

        // The newcomer's certificate is from CA B; it trusts both CAs already.
        var newcomer = _pki.Issue("node-b", Cluster, _pki.CaB, trustBoth: true);
        Start("node-b", SeedPort + 71, SeedControl + 71, newcomer, SeedPort + 70);
        await seed.WaitForLineAsync("Audit tls-refused: peer node-b .*reason untrusted", Deadline);

        File.WriteAllText(seedFiles.CaPath, File.ReadAllText(_pki.CaA.CertPath) + File.ReadAllText(_pki.CaB.CertPath));
        await UntilMembers("node-b joins once the seed trusts CA B", SeedControl + 70, 2);
    }

    /// <summary>Starts a node that joins through the node at <paramref name="seedPort"/>; a node
    /// whose seed is itself forms a cluster.</summary>
    private ChildProcess Start(string id, int port, int control, TlsTestPki.NodeFiles? files, int seedPort, params string[] extra)
    {
        var args = new List<string>
        {
            "--set", $"meshactors.node.id={id}", "--set", $"meshactors.cluster.id={Cluster}",
            "--set", $"meshactors.transport.port={port}", "--set", $"meshactors.control.port={control}", "--set", "meshactors.bootstrap.port=0",
            "--set", $"meshactors.discovery.static.seeds=[\"127.0.0.1:{seedPort}\"]",
            "--set", $"meshactors.node.data-dir=\"{_pki.Folder(id + "-data-" + port)}\"",
        };
        args.AddRange(files is null
            ? ["--set", "meshactors.transport.tls.mode=insecure"]
            : ["--set", $"meshactors.transport.tls.ca=\"{files.CaPath}\"", "--set", $"meshactors.transport.tls.cert=\"{files.CertPath}\"", "--set", $"meshactors.transport.tls.key=\"{files.KeyPath}\""]);
        args.AddRange(extra);
        var node = ChildProcess.StartDotnet(RepoPaths.NodeDll, args);
        _nodes.Add(node);
        return node;
    }

    private Task UntilMembers(string what, int control, int count) =>
        NodeControl.EventuallyAsync(what, Deadline, async () =>
            (await _control.MembersAsync(control)) is var members && members.Count == count && members.Values.All(s => s == "up"),
            async () => string.Join(", ", (await _control.MembersAsync(control)).Select(m => m.Key + "=" + m.Value)) + "\n" + string.Join("\n---\n", _nodes.Select(n => n.Output.Split('\n').TakeLast(15)).Select(l => string.Join('\n', l))));
}
