using System.Diagnostics;
using System.Text.Json.Nodes;

namespace MeshActors.Tests.Control;

/// <summary>
/// <c>meshctl views</c>, the built meshctl.dll run as a process against <c>/control/views</c>: exit 1
/// with the node's reason before the views start; then the table (active before passive, ages, RTT
/// or '-', limits and bans) and <c>--json</c> as the node sent it.
/// </summary>
public sealed class MeshctlViewsTests : IAsyncLifetime
{
    private ViewsHost _host = null!;

    public async Task InitializeAsync() => _host = await ViewsHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Before_the_views_start_meshctl_exits_1_with_the_nodes_reason()
    {
        var (exit, output) = await RunAsync("views", "--endpoint", _host.Address.ToString());

        exit.Should().Be(1, output);
        output.Should().Contain("error:").And.Contain("not started");
    }

    [Fact]
    public async Task The_table_lists_active_then_passive_with_ages_then_limits_and_bans()
    {
        _host.Views.Publish(ViewSnapshots.Sample(now: DateTimeOffset.UtcNow)); // ages are counted from the moment meshctl runs

        var (exit, output) = await RunAsync("views", "--endpoint", _host.Address.ToString());

        exit.Should().Be(0, output);
        output.Should().Contain("node node-1 (akka.ssl.tcp://mesh@10.0.0.1:4053), views version 7");
        output.IndexOf("ACTIVE (2)", StringComparison.Ordinal).Should().BeLessThan(output.IndexOf("PASSIVE (1)", StringComparison.Ordinal));
        output.IndexOf("node-2", StringComparison.Ordinal).Should().BeLessThan(output.IndexOf("node-4", StringComparison.Ordinal));
        output.Should().Contain("0.92").And.Contain("1.5").And.Contain("3m1", "node-2 entered the view 3 minutes 12 seconds before the snapshot was taken");
        output.Should().Contain("2h0", "node-4 has been passive for two hours");
        output.Should().Contain("limits: active target 5 (low 4, high 8), passive 30").And.Contain("max peers 12, max per subnet 2, inbound 10/s");
        output.Should().Contain("BANNED (1)").And.Contain("node-9").And.Contain("PEX flood");
    }

    [Fact]
    public async Task Json_prints_the_nodes_document()
    {
        _host.Views.Publish(ViewSnapshots.Sample());

        var (exit, output) = await RunAsync("views", "--json", "--view", "passive", "--endpoint", _host.Address.ToString());

        exit.Should().Be(0, output);
        var json = JsonNode.Parse(output)!;
        json["self"]!["nodeId"]!.GetValue<string>().Should().Be("node-1");
        json["active"]!.AsArray().Should().BeEmpty("--view passive asks the node for the passive view only");
        json["passive"]!.AsArray().Single()!["nodeId"]!.GetValue<string>().Should().Be("node-4");
        json["version"]!.GetValue<long>().Should().Be(7);
    }

    private static async Task<(int Exit, string Output)> RunAsync(params string[] arguments)
    {
        var configuration = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
        var meshctl = Path.Combine(TestPaths.RepositoryRoot, "src", "MeshActors.Cli", "bin", configuration, "net10.0", "meshctl.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in (string[])[meshctl, .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(deadline.Token);
        return (process.ExitCode, await output + await error);
    }
}
