using System.Text.Json;

namespace MeshActors.Node.Tests;

/// <summary><c>meshctl members</c> against a real three-node cluster, and with no node to talk to.</summary>
public sealed class MeshctlMembersTests(MembersClusterFixture cluster) : IClassFixture<MembersClusterFixture>
{
    private static async Task<(int Exit, string Output)> Meshctl(params string[] args)
    {
        using var cli = ChildProcess.StartDotnet(RepoPaths.MeshctlDll, args);
        var exit = await cli.WaitForExitAsync();
        return (exit, cli.Output);
    }

    private static string[] Rows(string output, string nodeId) =>
        output.Split('\n').Where(line => line.StartsWith("│ " + nodeId + " ", StringComparison.Ordinal)).ToArray();

    [Fact]
    public async Task The_table_shows_every_member_with_its_role_and_zone_and_marks_the_node_asked()
    {
        var (exit, output) = await Meshctl("members", "--endpoint", cluster.Controls[1]);

        exit.Should().Be(0, output);
        output.Should().Contain("3 members as seen by node-2").And.Contain("3 alive, 0 suspect, 0 dead, 0 left");
        output.Should().Contain("NODE").And.Contain("ADDRESS").And.Contain("STATUS").And.Contain("INCARNATION").And.Contain("ROLE").And.Contain("ZONE").And.Contain("LAST CHANGE");
        Rows(output, "node-1").Should().ContainSingle().Which.Should().MatchRegex(@"127\.0\.0\.1:\d+ +│ alive +│ \d+ +│ front +│ - +│ \d\d:\d\d:\d\d");
        Rows(output, "node-2").Should().ContainSingle().Which.Should().StartWith("│ node-2 (self)").And.MatchRegex(@"│ alive +│ \d+ +│ worker +│ z2 ");
        Rows(output, "node-3").Should().ContainSingle().Which.Should().MatchRegex(@"│ alive +│ \d+ +│ worker +│ z2 ");
    }

    [Fact]
    public async Task Json_is_the_document_of_the_control_endpoint()
    {
        var (exit, output) = await Meshctl("members", "--endpoint", cluster.Controls[0], "--json");

        exit.Should().Be(0, output);
        output.Trim().Should().NotContain("\n", "the node's document is printed as it came, on one line");
        var json = JsonDocument.Parse(output).RootElement;
        json.GetProperty("self").GetString().Should().Be("node-1");
        json.GetProperty("version").GetInt64().Should().BePositive();
        var members = json.GetProperty("members").EnumerateArray().ToList();
        members.Select(m => m.GetProperty("nodeId").GetString()).Should().BeEquivalentTo("node-1", "node-2", "node-3");
        members.Should().OnlyContain(m => m.GetProperty("status").GetString() == "alive" && m.GetProperty("clusterId").GetString() == "members-test");
        members[0].EnumerateObject().Select(p => p.Name).Should().Contain(
            ["nodeId", "address", "status", "incarnation", "role", "clusterId", "region", "zone", "protocolVersion", "capacity", "labels", "lastChange"]);
    }

    [Fact]
    public async Task Role_and_status_filters_are_applied_by_the_node()
    {
        var (exit, workers) = await Meshctl("members", "--endpoint", cluster.Controls[0], "--role", "worker");
        exit.Should().Be(0, workers);
        workers.Should().Contain("2 members as seen by node-1");
        Rows(workers, "node-1").Should().BeEmpty();
        Rows(workers, "node-2").Should().ContainSingle();
        Rows(workers, "node-3").Should().ContainSingle();

        var (_, gone) = await Meshctl("members", "--endpoint", cluster.Controls[0], "--status", "dead,left");
        gone.Should().Contain("0 members as seen by node-1").And.Contain("no members match");

        var (_, both) = await Meshctl("members", "--endpoint", cluster.Controls[0], "--json", "--status", "alive", "--status", "suspect", "--role", "front", "--role", "nobody");
        JsonDocument.Parse(both).RootElement.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("nodeId").GetString()).Should().Equal("node-1");
    }

    [Fact]
    public async Task A_status_that_does_not_exist_is_refused_with_the_choices()
    {
        var (exit, output) = await Meshctl("members", "--endpoint", cluster.Controls[0], "--status", "alive,zombie");

        exit.Should().NotBe(0);
        output.Should().Contain("--status 'zombie' is not a member status; give one or more of alive, suspect, dead, left");
    }

    [Fact]
    public async Task No_node_at_the_endpoint_is_explained_with_the_fix()
    {
        var (exit, output) = await Meshctl("members", "--endpoint", "http://127.0.0.1:1");

        exit.Should().Be(1);
        output.Should().Contain("cannot reach the control endpoint at http://127.0.0.1:1/").And.Contain("--endpoint http://HOST:PORT").And.NotContain("   at ");
    }
}
