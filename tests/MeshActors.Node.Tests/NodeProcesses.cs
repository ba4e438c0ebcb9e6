namespace MeshActors.Node.Tests;

/// <summary>Starts cluster nodes for the meshctl tests: TLS off, free ports, the local membership profile.</summary>
internal static class NodeProcesses
{
    /// <summary>Starts <paramref name="nodeId"/>, joining through <paramref name="seed"/> (a mesh address) unless null.</summary>
    public static ChildProcess Start(string nodeId, string dataDir, string? seed, string clusterId, params string[] extra) => ChildProcess.StartDotnet(RepoPaths.NodeDll,
    [
        "--set", $"meshactors.node.id={nodeId}", "--set", $"meshactors.cluster.id={clusterId}",
        "--set", "meshactors.transport.tls.mode=insecure", "--set", "meshactors.membership.profile=local",
        "--set", "meshactors.control.port=0", "--set", "meshactors.transport.port=0",
        "--set", $"meshactors.node.data-dir=\"{dataDir}\"",
        .. seed is null ? Array.Empty<string>() : ["--set", $"meshactors.discovery.static.seeds=[\"{seed}\"]"],
        .. extra,
    ]);
}
