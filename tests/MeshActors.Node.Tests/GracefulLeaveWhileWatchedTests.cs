using System.Diagnostics;

namespace MeshActors.Node.Tests;

/// <summary>An open member watch stream must not hold a stopping node: it ends when the host
/// starts stopping, so the node still leaves gracefully and quickly (it used to wait out the whole
/// shutdown timeout, leave with a cancelled token, and be declared dead instead of left).</summary>
public sealed class GracefulLeaveWhileWatchedTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("meshactors-leave-watch-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private ChildProcess Start(int i, int meshPort, int controlPort, int seedPort) => ChildProcess.StartDotnet(RepoPaths.NodeDll,
    [
        "--set", $"meshactors.node.data-dir={Path.Combine(_dir, "n" + i)}",
        "--set", $"meshactors.node.id=watched-{i}",
        "--set", $"meshactors.transport.port={meshPort}",
        "--set", $"meshactors.control.port={controlPort}",
        "--set", "meshactors.bootstrap.port=0",
        "--set", "meshactors.transport.tls.mode=insecure",
        "--set", "meshactors.membership.profile=local",
        "--set", $"meshactors.discovery.static.seeds=[\"127.0.0.1:{seedPort}\"]",
    ]);

    [Fact]
    public async Task A_node_with_an_open_watch_stream_leaves_at_once_and_is_removed_after_a_graceful_leave()
    {
        using var seed = Start(1, 24951, 24961, 24951);
        using var watched = Start(2, 24952, 24962, 24951);
        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        await WaitUntil(async () => (await Get(http, 24961)).Contains("\"nodeId\":\"watched-2\",\"address\":\"akka.tcp://meshactors@127.0.0.1:24952\",\"status\":\"up\""));

        using var stream = await http.GetAsync("http://127.0.0.1:24962/control/members/watch", HttpCompletionOption.ResponseHeadersRead);
        stream.EnsureSuccessStatusCode();
        var clock = Stopwatch.StartNew();
        watched.Terminate();

        (await watched.WaitForExitAsync()).Should().Be(0, watched.Output);
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(4), "the shutdown timeout is 5 s; an open watch stream must not use it up");
        await WaitUntil(async () => !(await Get(http, 24961)).Contains("127.0.0.1:24952"));
        seed.Output.Should().Contain("Member akka.tcp://meshactors@127.0.0.1:24952 (watched-2) is exited", "a graceful leave: Leaving, Exiting, then removed, never downed");
    }

    private static async Task<string> Get(HttpClient http, int port)
    {
        try
        {
            return await http.GetStringAsync($"http://127.0.0.1:{port}/control/members");
        }
        catch (HttpRequestException)
        {
            return string.Empty;
        }
    }

    private static async Task WaitUntil(Func<Task<bool>> condition)
    {
        var deadline = Stopwatch.StartNew();
        while (!await condition())
        {
            deadline.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(60), "the nodes should join within a minute");
            await Task.Delay(50);
        }
    }
}
