using System.Diagnostics;

namespace MeshActors.Node.Tests;

/// <summary><c>GET /metrics</c> of a running node is valid Prometheus text, checked by
/// Prometheus' own <c>promtool check metrics</c>, and covers members by status, unreachable
/// members, TLS refusals and remoting events.</summary>
public sealed class MetricsProcessTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("meshactors-metrics-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task A_real_scrape_passes_promtool_check_metrics()
    {
        using var node = ChildProcess.StartDotnet(RepoPaths.NodeDll, ["--set", "meshactors.control.port=0", "--set", "meshactors.bootstrap.port=0", "--set", "meshactors.transport.port=0", "--set", $"meshactors.node.data-dir=\"{_dir}\""]);
        var control = new Uri((await node.WaitForLineAsync(@"Control endpoint listening on (http://\S+)")).Groups[1].Value);
        using var http = new HttpClient();
        await NodeControl.EventuallyAsync("the node is up", TimeSpan.FromSeconds(30),
            async () => (await http.GetAsync(new Uri(control, "/health/ready"))).IsSuccessStatusCode, () => Task.FromResult(node.Output));

        var scrape = await http.GetStringAsync(new Uri(control, "/metrics"));
        scrape.Should().Contain("meshactors_members{status=\"up\"} 1").And.Contain("meshactors_unreachable_members 0")
            .And.Contain("# TYPE meshactors_tls_refusals_total counter").And.Contain("# TYPE meshactors_remoting_events_total counter");

        var (exit, output) = await PromtoolAsync(scrape);
        exit.Should().Be(0, $"promtool check metrics says:\n{output}");
    }

    private static async Task<(int Exit, string Output)> PromtoolAsync(string scrape)
    {
        const string promtool = "/usr/bin/promtool";
        File.Exists(promtool).Should().BeTrue("promtool comes with the Debian package 'prometheus' (./test.sh installs it)");
        var info = new ProcessStartInfo(promtool) { ArgumentList = { "check", "metrics" }, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(scrape);
        process.StandardInput.Close();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(deadline.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
