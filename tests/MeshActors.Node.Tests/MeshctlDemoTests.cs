using System.Net;
using System.Net.Sockets;

namespace MeshActors.Node.Tests;

/// <summary><c>meshctl demo</c> driven through standard input, as a script would drive it.</summary>
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

    [Fact]
    public async Task Three_nodes_over_mutual_TLS_see_a_killed_node_die_come_back_and_leave_and_quit_leaves_nothing_behind()
    {
        using var demo = ChildProcess.StartDotnet(RepoPaths.MeshctlDll, ["demo", "--nodes", "3", "--base-port", "23500", "--profile", "local"], standardInput: true);
        var folder = (await demo.WaitForLineAsync(@"^folder (\S+) ")).Groups[1].Value;
        var pids = new List<int>();
        for (var n = 1; n <= 3; n++)
        {
            pids.Add(int.Parse((await demo.WaitForLineAsync($@"^node-{n} started \(pid (\d+)\): mesh 127\.0\.0\.1:{23499 + n}, control http://127\.0\.0\.1:{23599 + n}/")).Groups[1].Value));
        }

        await demo.WaitForLineAsync(@"^3 members as seen by node-1 .*: 3 alive, 0 suspect, 0 dead, 0 left", Convergence);
        File.ReadAllText(Path.Combine(folder, "node-2.log")).Should().Contain("(TLS 1.3, client certificate required)");

        demo.SendLine("kill 3");

        await demo.WaitForLineAsync(@"^killed node-3 \(SIGKILL to pid \d+\)");
        await demo.WaitForLineAsync(@"^3 members as seen by node-1 .*: 2 alive, 0 suspect, 1 dead, 0 left", Convergence);
        await demo.WaitForLineAsync(@"^│ node-3 +│ 127\.0\.0\.1:23502 +│ dead ");
        NodeRuns(pids[2]).Should().BeFalse();

        var beforeRestart = demo.LineCount;
        demo.SendLine("restart 3");

        pids.Add(int.Parse((await demo.WaitForLineAsync(@"^node-3 started \(pid (\d+)\): .*, joining through node-1, node-2$")).Groups[1].Value));
        await demo.WaitForLineAsync(@"^3 members as seen by node-1 .*: 3 alive, 0 suspect, 0 dead, 0 left", Convergence, skip: beforeRestart);

        demo.SendLine("leave 2");

        await demo.WaitForLineAsync(@"^node-2 is leaving \(SIGTERM to pid \d+\)");
        await demo.WaitForLineAsync(@"^3 members as seen by node-1 .*: 2 alive, 0 suspect, 0 dead, 1 left", Convergence);
        await demo.WaitForLineAsync(@"^node-2 has left; its process ended \(exit code 0\)");

        demo.SendLine("quit");

        (await demo.WaitForExitAsync()).Should().Be(0, demo.Output);
        demo.Output.Should().Contain($"demo over: every node stopped, {folder} removed").And.NotContain("   at ");
        Directory.Exists(folder).Should().BeFalse();
        pids.Where(NodeRuns).Should().BeEmpty("quit stops every node");
    }

    [Fact]
    public async Task A_taken_port_is_named_before_anything_starts()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 23701);
        taken.Start();
        using var demo = ChildProcess.StartDotnet(RepoPaths.MeshctlDll, ["demo", "--nodes", "2", "--base-port", "23700"], standardInput: true);

        (await demo.WaitForExitAsync()).Should().Be(2);
        demo.Output.Should().Contain("port 23701 (the mesh port of node 2) is in use on 127.0.0.1; choose another --base-port").And.NotContain("started");
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
