using System.Net;
using System.Net.Sockets;

namespace MeshActors.Node.Tests;

/// <summary><c>meshctl demo</c> driven through standard input, as a script would drive it.</summary>
[Collection(ExclusiveProcessesCollection.Name)]
public sealed class MeshctlDemoTests
{
    private static readonly TimeSpan Convergence = TimeSpan.FromSeconds(90);

    /// <summary>Whether a node process with this pid still runs (a zombie or a reused pid does not count).</summary>
    private static bool NodeRuns(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Contains("MeshActors.Node.dll", StringComparison.Ordinal);
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>A base port whose demo ports (BASE+n-1 and BASE+100+n-1) are all free right now.</summary>
    private static int FreeBasePort(int nodes)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var basePort = Random.Shared.Next(30000, 45000);
            var ports = Enumerable.Range(0, nodes).SelectMany(i => new[] { basePort + i, basePort + 100 + i });
            if (ports.All(IsFree))
            {
                return basePort;
            }
        }

        throw new InvalidOperationException("no free range of demo ports found");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var probe = new TcpListener(IPAddress.Loopback, port);
            probe.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    [Fact]
    public async Task Three_nodes_over_mutual_TLS_a_node_killed_restarted_and_left_by_the_short_commands_and_quit_leaves_nothing_behind()
    {
        var basePort = FreeBasePort(3);
        using var demo = ChildProcess.StartDotnet(RepoPaths.MeshctlDll, ["demo", "--nodes", "3", "--base-port", basePort.ToString()], standardInput: true);
        var folder = (await demo.WaitForLineAsync(@"^folder (\S+) ")).Groups[1].Value;
        var pids = new List<int>();
        for (var n = 1; n <= 3; n++)
        {
            pids.Add(int.Parse((await demo.WaitForLineAsync($@"^node-{n} started \(pid (\d+)\): mesh 127\.0\.0\.1:{basePort + n - 1}, control http://127\.0\.0\.1:{basePort + 99 + n}/")).Groups[1].Value));
        }

        await demo.WaitForLineAsync(@"^3 members as seen by node-1 .*: 3 up; 0 unreachable", Convergence);
        File.ReadAllText(Path.Combine(folder, "node-2.log")).Should().Contain("(mutual TLS, key sha256:");

        // Akka.Remote stops a node whose outbound TLS handshake fails, a peer killed mid-handshake
        // included: kill only once the three nodes are associated with one another.
        using (var control = new NodeControl())
        {
            await control.UntilAssociatedAsync([basePort + 100, basePort + 101, basePort + 102], 2, Convergence);
        }

        // Kill, typed without a space: SIGKILL; Akka marks node-3 unreachable, the split-brain resolver downs it, it is removed.
        var beforeKill = demo.LineCount;
        demo.SendLine("k3");

        await demo.WaitForLineAsync(@"^killed node-3 \(SIGKILL to pid \d+\)", skip: beforeKill);
        await demo.WaitForLineAsync(@"^3 members as seen by node-1 .*; 1 unreachable", Convergence, skip: beforeKill);
        await demo.WaitForLineAsync(@"^2 members as seen by node-1 .*: 2 up; 0 unreachable", Convergence, skip: beforeKill);
        await demo.WaitForLineAsync(@"^not in this member list: node-3 \(killed, process ended\)", Convergence, skip: beforeKill);
        NodeRuns(pids[2]).Should().BeFalse();

        // Restart, typed with a space: the same id and ports, joining through the running nodes.
        var beforeRestart = demo.LineCount;
        demo.SendLine("r 3");

        pids.Add(int.Parse((await demo.WaitForLineAsync($@"^node-3 started \(pid (\d+)\): mesh 127\.0\.0\.1:{basePort + 2}, .*, joining through node-1, node-2$", skip: beforeRestart)).Groups[1].Value));
        await demo.WaitForLineAsync(@"^3 members as seen by node-1 .*: 3 up; 0 unreachable", Convergence, skip: beforeRestart);
        await demo.WaitForLineAsync(@"^│ node-3 +│ akka\.ssl\.tcp://demo@127\.0\.0\.1:\d+ +│ up +│ yes ", Convergence, skip: beforeRestart);

        // Leave, typed with a space (the reported bug: this used to SIGKILL node 2): SIGTERM, a graceful Akka leave.
        var beforeLeave = demo.LineCount;
        demo.SendLine("l 2");

        await demo.WaitForLineAsync(@"^node-2 is leaving \(SIGTERM to pid \d+\)", skip: beforeLeave);
        await demo.WaitForLineAsync(@"^node-2 has left; its process ended \(exit code 0\)", Convergence, skip: beforeLeave);
        await demo.WaitForLineAsync(@"^2 members as seen by node-1 .*: 2 up; 0 unreachable", Convergence, skip: beforeLeave);
        demo.Output.Split('\n').Skip(beforeLeave).Should().NotContain(l => l.StartsWith("killed node-2", StringComparison.Ordinal));
        NodeRuns(pids[1]).Should().BeFalse();

        demo.SendLine("q");

        (await demo.WaitForExitAsync()).Should().Be(0, demo.Output);
        demo.Output.Should().Contain($"demo over: every node stopped, {folder} removed").And.NotContain("   at ");
        Directory.Exists(folder).Should().BeFalse();
        pids.Where(NodeRuns).Should().BeEmpty("quit stops every node");
    }

    [Fact]
    public async Task A_taken_port_is_named_before_anything_starts()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        using var demo = ChildProcess.StartDotnet(RepoPaths.MeshctlDll, ["demo", "--nodes", "2", "--base-port", (port - 1).ToString()], standardInput: true);

        (await demo.WaitForExitAsync()).Should().Be(2);
        demo.Output.Should().Contain($"port {port} (the mesh port of node 2) is in use on 127.0.0.1; choose another --base-port").And.NotContain("started");
    }

    [Fact]
    public async Task A_missing_node_program_is_reported_with_how_to_build_it()
    {
        using var demo = ChildProcess.StartDotnet(RepoPaths.MeshctlDll, ["demo", "--node-dll", "/nonexistent/MeshActors.Node.dll"], standardInput: true);

        (await demo.WaitForExitAsync()).Should().Be(2);
        demo.Output.Should().Contain("cannot find the node program MeshActors.Node.dll (looked at /nonexistent/MeshActors.Node.dll)").And.Contain("--node-dll");
    }

    [Theory]
    [InlineData("0", "--nodes 0: give 1 to 20 nodes")]
    [InlineData("21", "--nodes 21: give 1 to 20 nodes")]
    public async Task A_node_count_out_of_range_is_refused(string count, string message)
    {
        using var demo = ChildProcess.StartDotnet(RepoPaths.MeshctlDll, ["demo", "--nodes", count], standardInput: true);

        (await demo.WaitForExitAsync()).Should().NotBe(0);
        demo.Output.Should().Contain(message);
    }
}
