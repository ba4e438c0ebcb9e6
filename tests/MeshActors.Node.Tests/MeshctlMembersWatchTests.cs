using System.Text.RegularExpressions;

namespace MeshActors.Node.Tests;

/// <summary><c>meshctl members --watch</c> following a real node through the SSE stream.</summary>
public sealed class MeshctlMembersWatchTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("meshactors-watch-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static async Task<(string Mesh, string Control)> Addresses(ChildProcess node) => (
        (await node.WaitForLineAsync(@"Mesh transport listening on (\S+) ")).Groups[1].Value,
        (await node.WaitForLineAsync(@"Control endpoint listening on (http://\S+)")).Groups[1].Value);

    [Fact]
    public async Task A_joining_node_redraws_the_list_and_ctrl_c_ends_the_watch_with_exit_0()
    {
        using var first = NodeProcesses.Start("watch-1", Path.Combine(_dir, "1"), seed: null, "watch-test");
        var (mesh, control) = await Addresses(first);
        using var watch = ChildProcess.StartDotnet(RepoPaths.MeshctlDll, ["members", "--watch", "--endpoint", control]);
        await watch.WaitForLineAsync(@"^1 member as seen by watch-1 .*: 1 alive");

        using var second = NodeProcesses.Start("watch-2", Path.Combine(_dir, "2"), mesh, "watch-test");

        await watch.WaitForLineAsync(@"^2 members as seen by watch-1 .*: 2 alive");
        await watch.WaitForLineAsync(@"^│ watch-2 +│ 127\.0\.0\.1:\d+ +│ alive ");
        watch.Interrupt();
        (await watch.WaitForExitAsync()).Should().Be(0, watch.Output);
        watch.Output.Should().NotContain("error").And.NotContain("   at ");
    }

    [Fact]
    public async Task A_node_that_goes_away_ends_the_watch_with_a_clear_error()
    {
        using var node = NodeProcesses.Start("gone-1", Path.Combine(_dir, "gone"), seed: null, "watch-test");
        var (_, control) = await Addresses(node);
        using var watch = ChildProcess.StartDotnet(RepoPaths.MeshctlDll, ["members", "--watch", "--json", "--endpoint", control]);
        await watch.WaitForLineAsync("\"self\":\"gone-1\"");

        node.Dispose();

        (await watch.WaitForExitAsync()).Should().Be(1);
        watch.Output.Should().MatchRegex($@"error: (lost the connection to {Regex.Escape(control)}|{Regex.Escape(control)} closed the watch stream).*Did the node stop\?").And.NotContain("   at ");
    }
}
