using System.Text.RegularExpressions;

namespace MeshActors.Node.Tests;

/// <summary>
/// A node process for the meshctl tests: mutual TLS with certificates made by <c>meshctl cert</c>,
/// ports picked by the system (port 0), the lan profile. Its mesh and control addresses are read
/// from its log. Disposing kills it.
/// </summary>
internal sealed class MeshctlTestNode : IDisposable
{
    private MeshctlTestNode(string nodeId, ChildProcess process, string meshAddress, string control)
    {
        NodeId = nodeId;
        Process = process;
        MeshAddress = meshAddress;
        Control = control;
    }

    public string NodeId { get; }

    public ChildProcess Process { get; }

    /// <summary>host:port of Akka.Remote, as a seed for other nodes.</summary>
    public string MeshAddress { get; }

    /// <summary>The control endpoint, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public string Control { get; }

    /// <summary>The control port, for <see cref="NodeControl"/>.</summary>
    public int ControlPort => new Uri(Control).Port;

    /// <summary>Runs <c>meshctl cert ca</c> into <c>DIR/ca</c>.</summary>
    public static async Task CreateCaAsync(string dir, string clusterId) =>
        await MeshctlProcess.RequireAsync(["cert", "ca", "--cluster", clusterId, "--out", Path.Combine(dir, "ca")]);

    /// <summary>
    /// Issues <paramref name="nodeId"/>'s certificate with <c>meshctl cert issue</c>, starts the
    /// node (joining through <paramref name="seed"/>, a mesh address, unless null) and waits until
    /// it listens on both ports.
    /// </summary>
    public static async Task<MeshctlTestNode> StartAsync(string dir, string clusterId, string nodeId, string? seed, params string[] settings)
    {
        var nodeDir = Path.Combine(dir, nodeId);
        if (!File.Exists(Path.Combine(nodeDir, "node.crt")))
        {
            await MeshctlProcess.RequireAsync(["cert", "issue", "--ca", Path.Combine(dir, "ca"), "--cluster", clusterId, "--node", nodeId, "--out", nodeDir, "--ip", "127.0.0.1"]);
        }

        string[] all =
        [
            $"meshactors.node.id={nodeId}", $"meshactors.cluster.id={clusterId}",
            $"meshactors.node.data-dir=\"{Path.Combine(nodeDir, "data")}\"",
            "meshactors.transport.port=0", "meshactors.control.port=0", "meshactors.bootstrap.port=0", "meshactors.membership.profile=lan",
            $"meshactors.transport.tls.ca=\"{Path.Combine(dir, "ca", "ca.crt")}\"",
            $"meshactors.transport.tls.cert=\"{Path.Combine(nodeDir, "node.crt")}\"",
            $"meshactors.transport.tls.key=\"{Path.Combine(nodeDir, "node.key")}\"",
            .. seed is null ? Array.Empty<string>() : [$"meshactors.discovery.static.seeds=[\"{seed}\"]"],
            .. settings,
        ];
        var process = ChildProcess.StartDotnet(RepoPaths.NodeDll, all.SelectMany(s => new[] { "--set", s }));
        try
        {
            var mesh = (await process.WaitForLineAsync(@"Akka\.Remote listens on akka\.ssl\.tcp://[^@]+@(\S+) \(mutual TLS")).Groups[1].Value;
            var control = (await process.WaitForLineAsync(@"Control endpoint listening on (http://\S+)")).Groups[1].Value;
            return new MeshctlTestNode(nodeId, process, mesh, control);
        }
        catch
        {
            process.Dispose();
            throw;
        }
    }

    /// <summary>Waits until this node lists every one of <paramref name="nodeIds"/> as up (with their metadata replicated).</summary>
    public async Task WaitForUpAsync(params string[] nodeIds)
    {
        using var control = new NodeControl();
        await NodeControl.EventuallyAsync(
            $"{NodeId} sees {string.Join(", ", nodeIds)} up",
            TimeSpan.FromSeconds(90),
            async () => await MembersAsync(control) is var members && nodeIds.All(id => members.Contains($"{id}=up")),
            async () => $"{NodeId} lists: {string.Join(", ", await MembersAsync(control))}\n{Process.Output}");
    }

    /// <summary>"nodeId=status" for each member this node lists ("=status" while a member's metadata is on its way).</summary>
    public async Task<IReadOnlyList<string>> MembersAsync(NodeControl control) =>
        await control.GetAsync(ControlPort, "/control/members") is { } body
            ? [.. body.GetProperty("members").EnumerateArray().Select(m => $"{m.GetProperty("nodeId").GetString()}={m.GetProperty("status").GetString()}")]
            : [];

    public void Dispose() => Process.Dispose();

    /// <summary>A regex-escaped form of <see cref="Control"/>.</summary>
    public string ControlPattern => Regex.Escape(Control);
}
