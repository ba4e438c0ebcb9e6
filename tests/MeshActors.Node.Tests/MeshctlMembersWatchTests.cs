using System.Text.RegularExpressions;

namespace MeshActors.Node.Tests;

/// <summary><c>meshctl members --watch</c> following a real node through the server-sent events stream.</summary>
[Collection(ExclusiveProcessesCollection.Name)]
public sealed class MeshctlMembersWatchTests : IAsyncLifetime
{
    private const string ClusterId = "watch-test";
    private readonly string _dir = Directory.CreateTempSubdirectory("meshctl-watch-").FullName;

    public Task InitializeAsync() => MeshctlTestNode.CreateCaAsync(_dir, ClusterId);

    public Task DisposeAsync()
    {
        Directory.Delete(_dir, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_joining_node_redraws_the_list_and_ctrl_c_ends_the_watch_with_exit_0()
    {
        using var first = await MeshctlTestNode.StartAsync(_dir, ClusterId, "watch-1", seed: null);
        using var watch = ChildProcess.StartDotnet(RepoPaths.MeshctlDll, ["members", "--watch", "--endpoint", first.Control]);
        await watch.WaitForLineAsync(@"^1 member as seen by watch-1 \(version \d+\): 1 up; 0 unreachable");

        using var second = await MeshctlTestNode.StartAsync(_dir, ClusterId, "watch-2", first.MeshAddress);

        await watch.WaitForLineAsync(@"^2 members as seen by watch-1 .*: 2 up; 0 unreachable", TimeSpan.FromSeconds(90));
        await watch.WaitForLineAsync(@"^│ watch-2 +│ akka\.ssl\.tcp://watch-test@127\.0\.0\.1:\d+ +│ up +│ yes ", TimeSpan.FromSeconds(90));
        watch.Interrupt();
        (await watch.WaitForExitAsync()).Should().Be(0, watch.Output);
        watch.Output.Should().NotContain("error").And.NotContain("   at ");
    }

    [Fact]
    public async Task A_node_that_goes_away_ends_the_watch_with_a_clear_error()
    {
        using var node = await MeshctlTestNode.StartAsync(_dir, ClusterId, "gone-1", seed: null);
        using var watch = ChildProcess.StartDotnet(RepoPaths.MeshctlDll, ["members", "--watch", "--json", "--endpoint", node.Control]);
        await watch.WaitForLineAsync("\"nodeId\":\"gone-1\"");

        node.Dispose();

        (await watch.WaitForExitAsync()).Should().Be(1);
        watch.Output.Should().MatchRegex($@"error: (lost the connection to {Regex.Escape(node.Control)}|{Regex.Escape(node.Control)} closed the watch stream).*Did the node stop\?").And.NotContain("   at ");
    }
}
