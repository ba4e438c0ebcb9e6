using System.Text.Json;
using MeshActors.Security;
using MeshActors.Transport;
using MeshActors.Transport.Http2;
using MeshActors.Transport.Wire;
using Microsoft.Extensions.Logging.Abstractions;

namespace MeshActors.Node.Tests;

/// <summary>A node process on certificates made by <c>meshctl cert</c>, reached over real mutual TLS.</summary>
public sealed class NodeTransportTests : IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("meshactors-mtls-").FullName;
    private Http2Transport? _tester;

    public async Task InitializeAsync()
    {
        await Meshctl("cert", "ca", "--cluster", "demo", "--out", Dir("ca"));
        await Meshctl("cert", "issue", "--ca", Dir("ca"), "--cluster", "demo", "--node", "node-1", "--out", Dir("node-1"), "--ip", "127.0.0.1");
        await Meshctl("cert", "issue", "--ca", Dir("ca"), "--cluster", "demo", "--node", "tester", "--out", Dir("tester"), "--ip", "127.0.0.1");
    }

    public async Task DisposeAsync()
    {
        if (_tester is not null)
        {
            await _tester.DisposeAsync();
        }

        Directory.Delete(_dir, recursive: true);
    }

    private string Dir(string name) => Path.Combine(_dir, name);

    private static async Task<string> Meshctl(params string[] args)
    {
        using var cli = ChildProcess.StartDotnet(RepoPaths.MeshctlDll, args);
        var exit = await cli.WaitForExitAsync();
        exit.Should().Be(0, cli.Output);
        return cli.Output;
    }

    private ChildProcess StartNode(string certDir, string nodeId = "node-1", string cluster = "demo") => ChildProcess.StartDotnet(RepoPaths.NodeDll,
    [
        "--set", $"meshactors.node.id={nodeId}", "--set", $"meshactors.cluster.id={cluster}",
        "--set", "meshactors.control.port=0", "--set", "meshactors.transport.port=0",
        "--set", $"meshactors.node.data-dir=\"{Dir("data")}\"",
        "--set", $"meshactors.transport.tls.ca=\"{Path.Combine(Dir("ca"), "ca.crt")}\"",
        "--set", $"meshactors.transport.tls.cert=\"{Path.Combine(Dir(certDir), "node.crt")}\"",
        "--set", $"meshactors.transport.tls.key=\"{Path.Combine(Dir(certDir), "node.key")}\"",
    ]);

    /// <summary>A test-side peer with the tester certificate; its Hello may claim another cluster.</summary>
    private async Task<Http2Transport> StartTester(string helloCluster = "demo")
    {
        var store = new TlsCredentialStore(Path.Combine(Dir("ca"), "ca.crt"), Path.Combine(Dir("tester"), "node.crt"), Path.Combine(Dir("tester"), "node.key"), TimeProvider.System, NullLogger.Instance);
        _tester = new Http2Transport(new Http2TransportOptions { NodeId = "tester", ClusterId = helloCluster, ListenHost = "127.0.0.1", ListenPort = 0, Tls = new ClusterPeerTls(store, "demo", TimeProvider.System) });
        await _tester.StartAsync(_ => { });
        return _tester;
    }

    [Fact]
    public async Task A_peer_with_a_cluster_certificate_is_answered_and_the_connection_is_visible()
    {
        using var node = StartNode("node-1");
        var mesh = NodeAddress.Parse((await node.WaitForLineAsync(@"Mesh transport listening on (\S+) \(TLS 1.3, client certificate required\)")).Groups[1].Value);
        var control = (await node.WaitForLineAsync(@"Control endpoint listening on (http://\S+)")).Groups[1].Value;
        var tester = await StartTester();

        var reply = await tester.RequestAsync(mesh, new Probe { Sequence = 11 }, TimeSpan.FromSeconds(10));

        reply.Should().Be(new ProbeReply { Sequence = 11 });
        var json = JsonDocument.Parse(await Meshctl("connections", "--endpoint", control, "--json")).RootElement;
        json.GetProperty("tls").GetString().Should().Be("mutual");
        var inbound = json.GetProperty("connections").EnumerateArray().Single(c => c.GetProperty("direction").GetString() == "inbound");
        inbound.GetProperty("peerNodeId").GetString().Should().Be("tester");
        inbound.GetProperty("httpProtocol").GetString().Should().Be("HTTP/2");
        inbound.GetProperty("tlsVersion").GetString().Should().Be("Tls13");
        inbound.GetProperty("messagesIn").GetInt64().Should().Be(1);
        inbound.GetProperty("bytesIn").GetInt64().Should().BeGreaterThan(0);
        (await Meshctl("connections", "--endpoint", control)).Should().Contain("tester").And.Contain("Tls13").And.Contain("inbound");
    }

    [Fact]
    public async Task A_hello_for_another_cluster_is_refused_with_its_reason_and_audited_by_the_node()
    {
        using var node = StartNode("node-1");
        var mesh = NodeAddress.Parse((await node.WaitForLineAsync(@"Mesh transport listening on (\S+) ")).Groups[1].Value);
        var tester = await StartTester(helloCluster: "other");

        var act = () => tester.RequestAsync(mesh, new Probe(), TimeSpan.FromSeconds(10));

        var refused = (await act.Should().ThrowAsync<HandshakeRefusedException>()).Which;
        refused.Reason.Should().Be(RefusalReason.ClusterIdMismatch);
        refused.RefusedByPeer.Should().BeTrue();
        await node.WaitForLineAsync("Audit handshake.refused: peer tester at 127.0.0.1:\\d+, reason ClusterIdMismatch");
    }

    [Fact]
    public async Task A_certificate_for_another_node_stops_the_node_at_start_with_the_setting_named()
    {
        using var node = StartNode("tester", nodeId: "node-1");

        (await node.WaitForExitAsync()).Should().Be(2);
        node.Output.Should().Contain("meshactors.transport.tls.cert").And.Contain("names node 'tester' of cluster 'demo', but this is node 'node-1'").And.Contain("meshctl cert issue");
    }

    [Fact]
    public async Task Insecure_mode_warns_at_start()
    {
        using var node = ChildProcess.StartDotnet(RepoPaths.NodeDll, ["--set", "meshactors.transport.tls.mode=insecure", "--set", "meshactors.control.port=0", "--set", "meshactors.transport.port=0", "--set", $"meshactors.node.data-dir=\"{Dir("data2")}\""]);

        await node.WaitForLineAsync("TLS is off .* neither encrypted nor authenticated");
        await node.WaitForLineAsync(@"Mesh transport listening on \S+ \(insecure: no TLS\)");
        node.Terminate();
        (await node.WaitForExitAsync()).Should().Be(0);
    }
}
