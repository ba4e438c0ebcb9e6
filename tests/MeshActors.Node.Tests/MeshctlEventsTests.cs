using System.Text.RegularExpressions;

namespace MeshActors.Node.Tests;

/// <summary><c>meshctl events publish</c> and <c>meshctl events watch</c> against a real node: a
/// published event comes back on the watch; bad input exits 2 naming the field.</summary>
[Collection(ExclusiveProcessesCollection.Name)]
public sealed class MeshctlEventsTests : IAsyncLifetime
{
    private const string ClusterId = "events-cli";
    private readonly string _dir = Directory.CreateTempSubdirectory("meshctl-events-").FullName;

    public Task InitializeAsync() => MeshctlTestNode.CreateCaAsync(_dir, ClusterId);

    public Task DisposeAsync()
    {
        Directory.Delete(_dir, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_published_event_comes_back_on_the_watch_and_bad_input_exits_2()
    {
        using var node = await MeshctlTestNode.StartAsync(_dir, ClusterId, "events-1", seed: null);

        // The control endpoint listens before the ActorSystem has started the event plane (it answers
        // 503 until then, which meshctl reports and exits 1 on): wait until a publish is accepted.
        await NodeControl.EventuallyAsync("the node's event plane accepts a publish", ChildProcess.DefaultDeadline,
            async () => (await MeshctlProcess.RunAsync(["events", "publish", "warmup.ready", "--data", "-", "--endpoint", node.Control])).Exit == 0,
            () => Task.FromResult("POST /control/events never answered 202"));
        using var watch = ChildProcess.StartDotnet(RepoPaths.MeshctlDll, ["events", "watch", "infrastructure.#", "--endpoint", node.Control]);
        await watch.WaitForLineAsync(@"watching infrastructure\.# at ");

        var (exit, output) = await MeshctlProcess.RunAsync(["events", "publish", "infrastructure.disk", "--data", "sda1 97%", "--endpoint", node.Control]);
        exit.Should().Be(0, output);
        var id = Regex.Match(output, "[0-9a-f]{32}").Value;
        id.Should().NotBeEmpty(output);

        await watch.WaitForLineAsync($@"infrastructure\.disk from events-1 \({id}\): sda1 97%");
        var (badExit, badOutput) = await MeshctlProcess.RunAsync(["events", "publish", "bad topic", "--data", "x", "--endpoint", node.Control]);
        badExit.Should().Be(2);
        badOutput.Should().Contain("field 'topic'").And.NotContain("   at ");
        watch.Interrupt();
        (await watch.WaitForExitAsync()).Should().Be(0, watch.Output);
    }
}
