using System.Text.Json;

namespace MeshActors.Node.Tests;

/// <summary><c>meshctl config …</c> as a user runs it.</summary>
public sealed class MeshctlConfigTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("meshctl-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private Task<(int Exit, string Output)> Meshctl(params string[] args) => MeshctlProcess.RunAsync(args, workingDirectory: _dir);

    [Fact]
    public async Task Resolve_layers_relative_files_and_overrides_and_prints_the_meshactors_and_akka_sections()
    {
        File.WriteAllText(Path.Combine(_dir, "a.conf"), "meshactors { cluster.id = alpha, control.port = 7100 }\n");
        Directory.CreateDirectory(Path.Combine(_dir, "conf"));
        File.WriteAllText(Path.Combine(_dir, "conf", "b.conf"), "meshactors.node.id = ${meshactors.cluster.id}-n1\nmeshactors.no-such-setting = 1\n");

        var (exit, output) = await Meshctl("config", "resolve", "a.conf", "conf/b.conf", "--no-env", "--set", "meshactors.transport.port=7999");

        exit.Should().Be(0, output);
        output.Should().Contain($"[stderr] warning: {_dir}/conf/b.conf: unknown setting meshactors.no-such-setting (ignored)");
        var json = JsonDocument.Parse(string.Join('\n', output.Split('\n').Where(l => !l.StartsWith("[stderr]", StringComparison.Ordinal)))).RootElement;
        var meshactors = json.GetProperty("meshactors");
        meshactors.GetProperty("node").GetProperty("id").GetString().Should().Be("alpha-n1", "b.conf's substitution sees a.conf's value");
        meshactors.GetProperty("control").GetProperty("port").GetString().Should().Be("7100");
        meshactors.GetProperty("transport").GetProperty("port").GetString().Should().Be("7999");
        meshactors.TryGetProperty("no-such-setting", out _).Should().BeFalse("unknown settings are left out");
        json.GetProperty("akka").GetProperty("cluster").ValueKind.Should().Be(JsonValueKind.Object, "the akka section MeshActors writes is shown too");
    }

    [Fact]
    public async Task Resolve_of_an_invalid_file_exits_2_with_every_error()
    {
        File.WriteAllText(Path.Combine(_dir, "bad.conf"), "meshactors.control.port = 70000\nmeshactors.membership.profile = moon\n");

        var (exit, output) = await Meshctl("config", "resolve", "bad.conf", "--no-env");

        exit.Should().Be(2, output);
        output.Should().Contain($"{_dir}/bad.conf").And.Contain("meshactors.control.port").And.Contain("meshactors.membership.profile").And.NotContain("   at ");
    }

    [Fact]
    public async Task A_syntax_error_names_the_absolute_path_line_and_column()
    {
        File.WriteAllText(Path.Combine(_dir, "broken.conf"), "meshactors {\n  control { port = 1\n");

        var (exit, output) = await Meshctl("config", "resolve", "broken.conf", "--no-env");

        exit.Should().Be(2, output);
        output.Should().MatchRegex($@"error: {System.Text.RegularExpressions.Regex.Escape(_dir)}/broken\.conf:\d+:\d+: ").And.NotContain("   at ");
    }

    [Fact]
    public async Task A_missing_relative_file_is_named_by_its_absolute_path()
    {
        var (exit, output) = await Meshctl("config", "resolve", "missing.conf", "--no-env");

        exit.Should().Be(2, output);
        output.Should().Contain($"error: {_dir}/missing.conf: the configuration file does not exist");
    }

    [Fact]
    public async Task Defaults_prints_reference_conf_resolved_in_the_same_shape()
    {
        var (exit, output) = await Meshctl("config", "defaults");

        exit.Should().Be(0, output);
        var json = JsonDocument.Parse(output).RootElement;
        json.GetProperty("meshactors").GetProperty("control").GetProperty("port").GetString().Should().Be("7070");
        json.GetProperty("meshactors").GetProperty("membership").GetProperty("profile").GetString().Should().Be("lan");
        json.GetProperty("akka").ValueKind.Should().Be(JsonValueKind.Object);
    }
}
