using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MeshActors.Security;

namespace MeshActors.Cli.Demo;

/// <summary>
/// The demo's nodes on loopback: a temporary folder with a cluster CA, one certificate, data
/// folder and log per node, and the node processes. At first every node is seeded with node 1's
/// mesh address, so node 1 forms the Akka cluster and the others join it. A restarted node keeps
/// its id, ports and data folder and is seeded with node 1 and every node running then: in Akka's
/// seed-node join it then finds the cluster even when node 1 is down, and a restarted node 1 (the
/// first seed) asks the others before it would form a cluster of its own.
/// Disposing stops every process and deletes the folder.
/// </summary>
internal sealed class DemoCluster : IAsyncDisposable
{
    private static readonly TimeSpan GracefulStop = TimeSpan.FromSeconds(10);
    private readonly DemoSettings _settings;
    private readonly EventHandler _onProcessExit;

    private DemoCluster(DemoSettings settings, string folder)
    {
        _settings = settings;
        Folder = folder;
        Nodes = Enumerable.Range(1, settings.Nodes).Select(n => new DemoNode(
            n,
            MeshAddress(n),
            new Uri($"http://127.0.0.1:{settings.ControlPort(n)}"),
            Path.Combine(folder, $"node-{n}.log"),
            () => StartInfo(n))).ToList();

        // Last resort if meshctl is torn down without running its clean-up: no node outlives it.
        _onProcessExit = (_, _) => KillAll();
        AppDomain.CurrentDomain.ProcessExit += _onProcessExit;
    }

    public string Folder { get; }

    public IReadOnlyList<DemoNode> Nodes { get; }

    /// <summary>Checks the ports, then writes the CA and one certificate per node into a new temporary folder.</summary>
    /// <exception cref="DemoException">A port is taken.</exception>
    public static DemoCluster Create(DemoSettings settings)
    {
        RequireFreePorts(settings);
        var folder = Directory.CreateTempSubdirectory("meshctl-demo-").FullName;
        try
        {
            using var ca = CertificateAuthority.Create(DemoSettings.ClusterId, TimeProvider.System, TimeSpan.FromDays(2));
            ca.Save(Path.Combine(folder, "ca"));
            for (var n = 1; n <= settings.Nodes; n++)
            {
                using var certificate = NodeCertificateIssuer.Issue(
                    ca, DemoSettings.ClusterId, $"node-{n}", TimeProvider.System, TimeSpan.FromDays(1), ["localhost"], [IPAddress.Loopback]);
                NodeCertificateIssuer.SaveNode(certificate, Path.Combine(folder, $"node-{n}", "tls"));
            }

            return new DemoCluster(settings, folder);
        }
        catch
        {
            Directory.Delete(folder, recursive: true);
            throw;
        }
    }

    /// <summary>The node numbered <paramref name="number"/>, or null with a message when there is none.</summary>
    public DemoNode? Find(int number, out string? error)
    {
        error = number >= 1 && number <= Nodes.Count ? null : $"there is no node {number}; the demo runs nodes 1 to {Nodes.Count}";
        return error is null ? Nodes[number - 1] : null;
    }

    /// <summary>Stops every node: SIGTERM, so they leave, then SIGKILL for any still running after 10 s.</summary>
    public async Task StopAllAsync()
    {
        foreach (var node in Nodes)
        {
            node.RequestStop();
        }

        var all = Task.WhenAll(Nodes.Select(n => n.WaitForExitAsync()));
        if (await Task.WhenAny(all, Task.Delay(GracefulStop)).ConfigureAwait(false) != all)
        {
            KillAll();
        }

        await all.ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAllAsync().ConfigureAwait(false);
        AppDomain.CurrentDomain.ProcessExit -= _onProcessExit;
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a file may still be open by a process we could not stop.
        }
    }

    private void KillAll()
    {
        foreach (var node in Nodes)
        {
            node.KillNow();
        }
    }

    private string MeshAddress(int node) => $"127.0.0.1:{_settings.MeshPort(node)}";

    private (ProcessStartInfo Info, string HowItJoins) StartInfo(int n)
    {
        var seeds = Nodes[n - 1].State == DemoNodeState.NotStarted
            ? [Nodes[0]]
            : Nodes.Where(node => node.Number == 1 || (node.Number != n && node.IsRunning)).ToList();
        var nodeFolder = Path.Combine(Folder, $"node-{n}");
        var info = new ProcessStartInfo(DotnetHost())
        {
            // Standard input too: the nodes must not touch the terminal the demo reads keys from.
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = nodeFolder,
        };
        info.ArgumentList.Add(_settings.NodeDll);
        foreach (var setting in new[]
        {
            $"meshactors.node.id=node-{n}",
            $"meshactors.cluster.id={DemoSettings.ClusterId}",
            $"meshactors.node.data-dir={Quote(Path.Combine(nodeFolder, "data"))}",
            "meshactors.transport.host=127.0.0.1",
            $"meshactors.transport.port={_settings.MeshPort(n)}",
            "meshactors.control.host=127.0.0.1",
            $"meshactors.control.port={_settings.ControlPort(n)}",
            "meshactors.bootstrap.port=0", // joins by static seeds: its bootstrap endpoint need not be found, and 8558 is one port for all
            "meshactors.transport.tls.mode=mutual",
            $"meshactors.transport.tls.ca={Quote(Path.Combine(Folder, "ca", CertificateAuthority.CertificateFileName))}",
            $"meshactors.transport.tls.cert={Quote(Path.Combine(nodeFolder, "tls", NodeCertificateIssuer.CertificateFileName))}",
            $"meshactors.transport.tls.key={Quote(Path.Combine(nodeFolder, "tls", NodeCertificateIssuer.KeyFileName))}",
            $"meshactors.discovery.static.seeds=[{string.Join(", ", seeds.Select(s => Quote(MeshAddress(s.Number))))}]",
            $"meshactors.membership.profile={_settings.Profile}",
        })
        {
            info.ArgumentList.Add("--set");
            info.ArgumentList.Add(setting);
        }

        // The demo is self-contained: settings from the operator's environment do not leak in.
        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("MESHACTORS__", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            info.Environment.Remove(key);
        }

        // A node skips its own address among the seeds; with no other seed it starts the cluster.
        var others = seeds.Where(s => s.Number != n).Select(s => s.NodeId).ToList();
        return (info, others.Count == 0 ? "starting the cluster" : "joining through " + string.Join(", ", others));
    }

    /// <summary>The <c>dotnet</c> running meshctl, when it runs as <c>dotnet meshctl.dll</c>; otherwise the one on the PATH.</summary>
    private static string DotnetHost() =>
        Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";

    private static string Quote(string value) => "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private static void RequireFreePorts(DemoSettings settings)
    {
        for (var n = 1; n <= settings.Nodes; n++)
        {
            foreach (var (port, what) in new[] { (settings.MeshPort(n), "mesh"), (settings.ControlPort(n), "control") })
            {
                try
                {
                    using var probe = new TcpListener(IPAddress.Loopback, port);
                    probe.Start();
                }
                catch (SocketException)
                {
                    throw new DemoException($"port {port} (the {what} port of node {n}) is in use on 127.0.0.1; choose another --base-port " +
                        $"(node n uses {settings.BasePort}+n-1 and {settings.BasePort + DemoSettings.ControlPortOffset}+n-1)");
                }
            }
        }
    }
}
