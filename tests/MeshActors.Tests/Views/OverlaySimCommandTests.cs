using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MeshActors.Tests.Views;

/// <summary>
/// The overlay-sim benchmark verb, run as the README documents it: the same seed gives the same
/// JSON (including the hash of every simulated event), and at F = 0.5 every live node is reached
/// once the overlay has healed.
/// </summary>
public sealed class OverlaySimCommandTests
{
    private static readonly string[] Arguments = ["overlay-sim", "--nodes", "500", "--fail-fraction", "0.5", "--seed", "7", "--json"];

    [Fact]
    public async Task The_same_seed_gives_the_same_trace_and_every_live_node_is_reached_after_healing()
    {
        var first = await RunAsync();
        var second = await RunAsync();

        Without(first, "wallSeconds").Should().Be(Without(second, "wallSeconds"));
        first["nodes"]!.GetValue<int>().Should().Be(500);
        first["seed"]!.GetValue<int>().Should().Be(7);
        first["reliabilityAfterHeal"]!.GetValue<double>().Should().Be(1.0);
        first["reliabilityFirst"]!.GetValue<double>().Should().BeGreaterThanOrEqualTo(0.95);
        first["redundancy"]!.GetValue<double>().Should().BeLessThan(0.2);
        first["events"]!.GetValue<long>().Should().BePositive();
    }

    private static string Without(JsonObject json, string name)
    {
        var copy = (JsonObject)json.DeepClone();
        copy.Remove(name);
        return copy.ToJsonString();
    }

    private static async Task<JsonObject> RunAsync()
    {
        var project = Path.Combine(TestPaths.RepositoryRoot, "benchmarks", "MeshActors.Benchmarks");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in (string[])["run", "-c", "Release", "--project", project, "--", .. Arguments])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(deadline.Token);
        process.ExitCode.Should().Be(0, await error);
        var lines = (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return JsonNode.Parse(lines[^1])!.AsObject();
    }
}
