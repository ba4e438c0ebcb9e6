namespace MeshActors.Node.Tests;

/// <summary>
/// Three real node processes in one cluster (TLS off, free ports): node-1 with role "front",
/// node-2 and node-3 with role "worker" and zone "z2". Ready once node-1 has seen both others join.
/// </summary>
public sealed class MembersClusterFixture : IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("meshactors-members-").FullName;
    private readonly List<ChildProcess> _nodes = [];

    /// <summary>Control endpoints of node-1, node-2, node-3.</summary>
    public IReadOnlyList<string> Controls { get; private set; } = [];

    public async Task InitializeAsync()
    {
        var first = Start("node-1", "front", zone: "", seed: null);
        var seed = (await first.WaitForLineAsync(@"Mesh transport listening on (\S+) ")).Groups[1].Value;
        Start("node-2", "worker", zone: "z2", seed);
        Start("node-3", "worker", zone: "z2", seed);
        var controls = new List<string>();
        foreach (var node in _nodes)
        {
            controls.Add((await node.WaitForLineAsync(@"Control endpoint listening on (http://\S+)")).Groups[1].Value);
        }

        Controls = controls;
        await first.WaitForLineAsync("Member node-2 at .*: Joined");
        await first.WaitForLineAsync("Member node-3 at .*: Joined");
    }

    public Task DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            node.Dispose();
        }

        Directory.Delete(_dir, recursive: true);
        return Task.CompletedTask;
    }

    private ChildProcess Start(string nodeId, string role, string zone, string? seed)
    {
        var node = NodeProcesses.Start(nodeId, Path.Combine(_dir, nodeId), seed, "members-test", "--set", $"meshactors.node.metadata.role={role}", "--set", $"meshactors.node.metadata.zone=\"{zone}\"");
        _nodes.Add(node);
        return node;
    }
}
