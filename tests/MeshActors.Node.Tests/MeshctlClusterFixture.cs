namespace MeshActors.Node.Tests;

/// <summary>
/// Three real node processes in one cluster over mutual TLS, certificates from <c>meshctl cert</c>:
/// node-1 with role "front", node-2 and node-3 with role "worker", zone "z2" and label team=core,
/// node-2 with app version 2.1.0. Ready once node-1 and node-2 see all three up.
/// </summary>
public sealed class MeshctlClusterFixture : IAsyncLifetime
{
    /// <summary>The cluster id of the nodes.</summary>
    public const string ClusterId = "meshctl-test";

    private readonly string _dir = Directory.CreateTempSubdirectory("meshctl-members-").FullName;
    private readonly List<MeshctlTestNode> _nodes = [];

    /// <summary>Control endpoints of node-1, node-2, node-3.</summary>
    public IReadOnlyList<string> Controls => [.. _nodes.Select(n => n.Control)];

    /// <summary>Akka addresses of node-1, node-2, node-3, as the control endpoint names them.</summary>
    public IReadOnlyList<string> Addresses => [.. _nodes.Select(n => $"akka.ssl.tcp://{ClusterId}@{n.MeshAddress}")];

    public async Task InitializeAsync()
    {
        await MeshctlTestNode.CreateCaAsync(_dir, ClusterId);
        var first = await Start("node-1", null, "meshactors.node.metadata.roles=[front]");
        await Start("node-2", first.MeshAddress, "meshactors.node.metadata.roles=[worker]", "meshactors.node.metadata.zone=z2",
            "meshactors.node.metadata.labels.team=core", "meshactors.node.metadata.app-version=\"2.1.0\"");
        await Start("node-3", first.MeshAddress, "meshactors.node.metadata.roles=[worker]", "meshactors.node.metadata.zone=z2", "meshactors.node.metadata.labels.team=core");
        await _nodes[0].WaitForUpAsync("node-1", "node-2", "node-3");
        await _nodes[1].WaitForUpAsync("node-1", "node-2", "node-3");
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

    private async Task<MeshctlTestNode> Start(string nodeId, string? seed, params string[] settings)
    {
        var node = await MeshctlTestNode.StartAsync(_dir, ClusterId, nodeId, seed, settings);
        _nodes.Add(node);
        return node;
    }
}
