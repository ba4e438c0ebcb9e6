using System.Diagnostics;
using System.Globalization;

namespace MeshActors.Benchmarks.Harness;

/// <summary>
/// The MeshActors node, started as <c>dotnet MeshActors.Node.dll --set key=value ...</c>, over mutual
/// TLS with one cluster CA and one certificate per node id, both made with <c>meshctl cert</c>.
/// <paramref name="extraSettings"/> are more <c>--set key=value</c> for every node.
/// </summary>
internal sealed class MeshActorsKind(string nodeDll, string meshctl, string profile, string tlsMode, IReadOnlyList<string> extraSettings) : INodeKind
{
    public MeshActorsKind(string nodeDll, string meshctl, string profile, string tlsMode)
        : this(nodeDll, meshctl, profile, tlsMode, [])
    {
    }

    public const string ClusterId = "bench";

    public string Name => "meshactors";

    public static string NodeId(int index) => string.Create(CultureInfo.InvariantCulture, $"node-{index:000}");

    public async Task PrepareAsync(int count, string directory)
    {
        if (tlsMode != "mutual")
        {
            return;
        }

        var ca = Path.Combine(directory, "ca");
        await MeshctlAsync("cert", "ca", "--cluster", ClusterId, "--out", ca);
        for (var i = 0; i < count; i++)
        {
            await MeshctlAsync("cert", "issue", "--ca", ca, "--cluster", ClusterId, "--node", NodeId(i), "--out", Path.Combine(directory, NodeId(i)), "--ip", "127.0.0.1");
        }
    }

    public NodeProcess Start(int index, int port, int controlPort, int seedPort, string directory, Stopwatch clock)
    {
        var id = NodeId(index);
        var settings = new List<string>
        {
            $"meshactors.node.id={id}",
            $"meshactors.cluster.id={ClusterId}",
            "meshactors.transport.host=127.0.0.1",
            $"meshactors.transport.port={port.ToString(CultureInfo.InvariantCulture)}",
            "meshactors.control.host=127.0.0.1",
            $"meshactors.control.port={controlPort.ToString(CultureInfo.InvariantCulture)}",
            "meshactors.bootstrap.port=0",
            $"meshactors.discovery.static.seeds=[\"127.0.0.1:{seedPort.ToString(CultureInfo.InvariantCulture)}\"]",
            $"meshactors.membership.profile={profile}",
            $"meshactors.node.data-dir=\"{Path.Combine(directory, "data", id)}\"",
            $"meshactors.transport.tls.mode={tlsMode}",
        };
        if (tlsMode == "mutual")
        {
            settings.Add($"meshactors.transport.tls.ca=\"{Path.Combine(directory, "ca", "ca.crt")}\"");
            settings.Add($"meshactors.transport.tls.cert=\"{Path.Combine(directory, id, "node.crt")}\"");
            settings.Add($"meshactors.transport.tls.key=\"{Path.Combine(directory, id, "node.key")}\"");
        }

        settings.AddRange(extraSettings);
        string[] arguments = [nodeDll, .. settings.SelectMany(s => new[] { "--set", s })];
        return NodeProcess.Start(id, "dotnet", arguments, controlPort, Path.Combine(directory, id + ".log"), clock);
    }

    private async Task MeshctlAsync(params string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(meshctl);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("cannot start dotnet " + meshctl);
        ChildProcesses.Add(process);
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(cts.Token);
        ChildProcesses.Remove(process);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"meshctl {string.Join(' ', arguments)} exited with {process.ExitCode}: {await output}{await errors}");
        }
    }
}
