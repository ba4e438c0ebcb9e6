using System.Text.Json;

namespace MeshActors.Node.Tests;

/// <summary><c>meshctl config …</c> as a user runs it.</summary>
public sealed class MeshctlConfigTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("meshctl-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static async Task<(int Exit, string Output)> Meshctl(params string[] args)
    {
        using var cli = ChildProcess.StartDotnet(RepoPaths.MeshctlDll, args);
        var exit = await cli.WaitForExitAsync();
        return (exit, cli.Output);
    }

    [Fact]
    public async Task Resolve_layers_files_and_overrides_and_prints_json()
    {
        var a = Path.Combine(_dir, "a.conf");
        var b = Path.Combine(_dir, "b.conf");
        File.WriteAllText(a, "meshactors { cluster.id = alpha, control.port = 7100 }\n");
        File.WriteAllText(b, "meshactors.cluster.id = ${meshactors.cluster.id}-eu\n");

        var (exit, output) = await Meshctl("config", "resolve", a, b, "--no-env", "--set", "meshactors.node.id=n1");

        exit.Should().Be(0, output);
        var json = JsonDocument.Parse(output).RootElement.GetProperty("meshactors");
        json.GetProperty("cluster").GetProperty("id").GetString().Should().Be("alpha-eu", "b.conf's substitution sees a.conf's value");
        json.GetProperty("control").GetProperty("port").GetInt32().Should().Be(7100);
        json.GetProperty("node").GetProperty("id").GetString().Should().Be("n1");
        json.GetProperty("shutdown").GetProperty("timeout").GetString().Should().Be("5s");
    }

    [Fact]
    public async Task Resolve_of_an_invalid_file_exits_2_with_every_error()
    {
        var bad = Path.Combine(_dir, "bad.conf");
        File.WriteAllText(bad, "meshactors.control.port = 70000\nmeshactors.actors.throughput = 0\n");

        var (exit, output) = await Meshctl("config", "resolve", bad, "--no-env");

        exit.Should().Be(2);
        output.Should().Contain("bad.conf:1:").And.Contain("meshactors.control.port").And.Contain("meshactors.actors.throughput").And.NotContain("   at ");
    }

    [Fact]
    public async Task Defaults_prints_reference_conf_resolved()
    {
        var (exit, output) = await Meshctl("config", "defaults");

        exit.Should().Be(0);
        JsonDocument.Parse(output).RootElement.GetProperty("meshactors").GetProperty("control").GetProperty("port").GetInt32().Should().Be(7070);
    }
}
