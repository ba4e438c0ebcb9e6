using System.Net;
using System.Text.Json;

namespace MeshActors.Node.Tests;

/// <summary>The node as an operator runs it: a real process, real sockets, real signals.</summary>
public sealed class NodeProcessTests : IDisposable
{
    private readonly string _dataDir = Directory.CreateTempSubdirectory("meshactors-node-").FullName;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };

    public void Dispose()
    {
        _http.Dispose();
        Directory.Delete(_dataDir, recursive: true);
    }

    private ChildProcess StartNode(params string[] extra) => ChildProcess.StartDotnet(
        RepoPaths.NodeDll,
        ["--set", "meshactors.control.port=0", "--set", "meshactors.transport.port=0", "--set", "meshactors.bootstrap.port=0", "--set", $"meshactors.node.data-dir=\"{_dataDir}\"", .. extra]);

    private static async Task<Uri> ControlUrl(ChildProcess node) =>
        new((await node.WaitForLineAsync(@"Control endpoint listening on (http://\S+)")).Groups[1].Value);

    [Fact]
    public async Task Starts_on_defaults_serves_health_and_exits_cleanly_on_SIGTERM()
    {
        using var node = StartNode();
        var control = await ControlUrl(node);

        using var live = await _http.GetAsync(new Uri(control, "/health/live"));
        live.StatusCode.Should().Be(HttpStatusCode.OK);
        HttpResponseMessage ready = null!;
        await NodeControl.EventuallyAsync("ready once the single-node cluster is up", TimeSpan.FromSeconds(30), async () =>
        {
            ready?.Dispose();
            ready = await _http.GetAsync(new Uri(control, "/health/ready"));
            return ready.StatusCode == HttpStatusCode.OK;
        }, async () => await ready.Content.ReadAsStringAsync());
        var body = JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement;
        body.GetProperty("status").GetString().Should().Be("ready");
        body.GetProperty("clusterId").GetString().Should().Be("meshactors");
        body.GetProperty("nodeId").GetString().Should().MatchRegex("^node-[0-9a-f]{12}$");
        body.GetProperty("memberStatus").GetString().Should().Be("up");
        ready.Dispose();

        node.Terminate();
        var exit = await node.WaitForExitAsync(TimeSpan.FromSeconds(5));
        exit.Should().Be(0);
        node.Output.Should().Contain("stopped");
    }

    [Fact]
    public async Task SIGTERM_during_start_up_is_a_clean_stop()
    {
        using var node = StartNode();
        await node.WaitForLineAsync("Node .* started in cluster");
        node.Terminate();

        (await node.WaitForExitAsync(TimeSpan.FromSeconds(5))).Should().Be(0, node.Output);
        node.Output.Should().NotContain("Unhandled exception").And.NotContain("   at ");
    }

    [Fact]
    public async Task A_taken_control_port_is_reported_with_the_setting_and_exit_2()
    {
        using var first = StartNode();
        var port = (await ControlUrl(first)).Port;
        using var second = ChildProcess.StartDotnet(RepoPaths.NodeDll, ["--set", $"meshactors.control.port={port}", "--set", "meshactors.transport.port=0", "--set", "meshactors.bootstrap.port=0", "--set", "meshactors.node.id=second"]);

        (await second.WaitForExitAsync()).Should().Be(2);
        second.Output.Should().Contain($"meshactors.control.port (set at --set meshactors.control.port): cannot listen on 127.0.0.1:{port}").And.Contain("choose a free port").And.NotContain("   at ");
    }

    [Fact]
    public async Task A_generated_node_id_is_kept_across_restarts()
    {
        string first;
        using (var node = StartNode())
        {
            first = (await node.WaitForLineAsync(@"Generated node id (node-[0-9a-f]{12})")).Groups[1].Value;
            node.Terminate();
            (await node.WaitForExitAsync()).Should().Be(0);
        }

        using var again = StartNode();
        var second = (await again.WaitForLineAsync(@"Node (\S+) started in cluster")).Groups[1].Value;
        second.Should().Be(first);
        File.ReadAllText(Path.Combine(_dataDir, "node-id")).Trim().Should().Be(first);
        again.Output.Should().NotContain("Generated node id");
    }

    [Fact]
    public async Task Invalid_settings_are_all_reported_with_path_and_fix_and_exit_2()
    {
        using var node = StartNode("--set", "meshactors.control.port=99999", "--set", "meshactors.cluster.id=\"bad id!\"", "--set", "meshactors.shutdown.timeout=soon");

        (await node.WaitForExitAsync()).Should().Be(2);
        node.Output.Should().Contain("Invalid configuration (3 problems)")
            .And.Contain("meshactors.control.port (set at --set meshactors.control.port): 99999 is out of range 0 to 65535. Fix:")
            .And.Contain("meshactors.cluster.id")
            .And.Contain("meshactors.shutdown.timeout")
            .And.NotContain("   at ", "no stack trace for bad input");
    }

    [Fact]
    public async Task A_malformed_file_is_reported_at_its_line_and_column()
    {
        var file = Path.Combine(_dataDir, "broken.conf");
        // Akka's own parser would accept this silently, and never return on the unclosed list.
        File.WriteAllText(file, "meshactors {\n  discovery.static {\n    seeds = [\"127.0.0.1:7946\"\n  }\n}\n");
        using var node = StartNode("--config", file);

        (await node.WaitForExitAsync()).Should().Be(2);
        node.Output.Should().Contain($"error: {file}:4:3: '}}' does not close anything here (the '[' at line 3 is still open)").And.NotContain("   at ");
    }

    [Fact]
    public async Task An_unknown_setting_is_named_with_the_nearest_known_one()
    {
        using var node = StartNode("--set", "meshactors.control.prot=7071");
        await node.WaitForLineAsync("unknown setting meshactors.control.prot .*did you mean meshactors.control.port");
        node.Terminate();
        (await node.WaitForExitAsync()).Should().Be(0);
    }

    [Theory]
    [InlineData("--bogus", "unknown argument '--bogus'")]
    [InlineData("--config", "--config needs a file path")]
    public async Task Bad_arguments_exit_2_with_the_fix(string argument, string expected)
    {
        using var node = ChildProcess.StartDotnet(RepoPaths.NodeDll, [argument]);
        (await node.WaitForExitAsync()).Should().Be(2);
        node.Output.Should().Contain(expected);
    }

    [Fact]
    public async Task Environment_variables_override_files_and_set_overrides_both()
    {
        var file = Path.Combine(_dataDir, "node.conf");
        File.WriteAllText(file, "meshactors.cluster.id = from-file\nmeshactors.node.id = file-node\n");
        using var node = ChildProcess.StartDotnet(
            RepoPaths.NodeDll,
            ["--config", file, "--set", "meshactors.control.port=0", "--set", "meshactors.transport.port=0", "--set", "meshactors.bootstrap.port=0", "--set", "meshactors.node.id=set-node"],
            new Dictionary<string, string> { ["MESHACTORS__CLUSTER__ID"] = "from-env", ["MESHACTORS__NODE__ID"] = "env-node" });

        await node.WaitForLineAsync("Node set-node started in cluster from-env");
        node.Terminate();
        (await node.WaitForExitAsync()).Should().Be(0);
    }

    [Fact]
    public async Task A_relative_config_path_is_read_from_the_working_directory_and_paths_in_it_from_its_folder()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_dataDir, "conf")).FullName;
        File.WriteAllText(Path.Combine(folder, "node.conf"), "meshactors.node.id = relative\nmeshactors.transport.tls { ca = \"certs/ca.crt\", cert = \"certs/node.crt\", key = \"certs/node.key\" }\n");
        using var node = ChildProcess.StartDotnet(RepoPaths.NodeDll, ["--config", "conf/node.conf", "--set", "meshactors.control.port=0", "--set", "meshactors.transport.port=0", "--set", "meshactors.bootstrap.port=0"], workingDirectory: _dataDir);

        (await node.WaitForExitAsync()).Should().Be(2, "the certificate files do not exist");
        node.Output.Should().Contain(Path.Combine(folder, "certs", "ca.crt"), "a path in a file is relative to that file's folder, and the error shows the absolute path");

        using var missing = ChildProcess.StartDotnet(RepoPaths.NodeDll, ["--config", "nowhere.conf"], workingDirectory: _dataDir);
        (await missing.WaitForExitAsync()).Should().Be(2);
        missing.Output.Should().Contain($"error: {Path.Combine(_dataDir, "nowhere.conf")}: the configuration file does not exist");
    }

    [Fact]
    public async Task Labels_are_replaced_through_the_control_endpoint_and_bad_bodies_name_the_field()
    {
        using var node = StartNode();
        var control = await ControlUrl(node);
        await NodeControl.EventuallyAsync("the node is up", TimeSpan.FromSeconds(30),
            async () => (await _http.GetAsync(new Uri(control, "/health/ready"))).IsSuccessStatusCode, () => Task.FromResult(node.Output));
        var labels = new Uri(control, "/control/members/self/labels");

        async Task<(HttpStatusCode Status, string Body)> Put(string body)
        {
            using var response = await _http.PutAsync(labels, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }

        (await Put("not json")).Should().Match<(HttpStatusCode Status, string Body)>(r => r.Status == HttpStatusCode.BadRequest && r.Body.Contains("the body is not JSON"));
        (await Put("{\"labels\": [1]}")).Should().Match<(HttpStatusCode Status, string Body)>(r => r.Status == HttpStatusCode.BadRequest && r.Body.Contains("field 'labels' must be an object"));
        (await Put("{\"labels\": {\"team\": 7}}")).Should().Match<(HttpStatusCode Status, string Body)>(r => r.Status == HttpStatusCode.BadRequest && r.Body.Contains("field 'labels.team' must be a string"));

        var ok = await Put("{\"labels\": {\"team\": \"payments\"}}");
        ok.Status.Should().Be(HttpStatusCode.OK, ok.Body);
        ok.Body.Should().Contain("\"acknowledgedByAll\":true");
        var members = await _http.GetStringAsync(new Uri(control, "/control/members"));
        members.Should().Contain("\"labels\":{\"team\":\"payments\"}");
    }
}
