using System.Text.Json;

namespace MeshActors.Node.Tests;

/// <summary><c>meshctl members</c> and <c>meshctl members label</c> against a real three-node Akka cluster, and with no node to talk to.</summary>
[Collection(ExclusiveProcessesCollection.Name)]
public sealed class MeshctlMembersTests(MeshctlClusterFixture cluster) : IClassFixture<MeshctlClusterFixture>
{
    private static Task<(int Exit, string Output)> Meshctl(params string[] args) => MeshctlProcess.RunAsync(args);

    private static string[] Rows(string output, string nodeId) =>
        output.Split('\n').Where(line => line.StartsWith("│ " + nodeId + " ", StringComparison.Ordinal)).ToArray();

    [Fact]
    public async Task The_table_shows_every_member_with_akka_status_roles_version_zone_and_labels_and_marks_the_node_asked()
    {
        var (exit, output) = await Meshctl("members", "--endpoint", cluster.Controls[1]);

        exit.Should().Be(0, output);
        output.Should().MatchRegex(@"3 members as seen by node-2 \(version \d+\): 3 up; 0 unreachable");
        output.Should().MatchRegex(@"│ NODE +│ ADDRESS +│ STATUS +│ REACHABLE +│ ROLES +│ VERSION +│ ZONE +│ LABELS +│");
        Rows(output, "node-1").Should().ContainSingle().Which.Should().MatchRegex(
            @$"│ {System.Text.RegularExpressions.Regex.Escape(cluster.Addresses[0])} +│ up +│ yes +│ front +│ \S+ +│ - +│");
        Rows(output, "node-2").Should().ContainSingle().Which.Should().StartWith("│ node-2 (self)").And.MatchRegex(@"│ up +│ yes +│ worker +│ 2\.1\.0 +│ z2 +│ team=core +│");
        Rows(output, "node-3").Should().ContainSingle().Which.Should().MatchRegex(@"│ up +│ yes +│ worker +│ \S+ +│ z2 +│ team=core +│");
    }

    [Fact]
    public async Task Json_is_the_document_of_the_control_endpoint()
    {
        var (exit, output) = await Meshctl("members", "--endpoint", cluster.Controls[0], "--json");

        exit.Should().Be(0, output);
        output.Trim().Should().NotContain("\n", "the node's document is printed as it came, on one line");
        var json = JsonDocument.Parse(output).RootElement;
        json.GetProperty("self").GetString().Should().Be(cluster.Addresses[0]);
        json.GetProperty("version").GetInt64().Should().BePositive();
        var members = json.GetProperty("members").EnumerateArray().ToList();
        members.Select(m => m.GetProperty("nodeId").GetString()).Should().BeEquivalentTo("node-1", "node-2", "node-3");
        members.Should().OnlyContain(m => m.GetProperty("status").GetString() == "up" && m.GetProperty("reachable").GetBoolean());
        members[0].EnumerateObject().Select(p => p.Name).Should().Equal("nodeId", "address", "status", "reachable", "roles", "appVersion", "metadata");
    }

    [Fact]
    public async Task Role_and_status_filters_are_applied_by_the_node()
    {
        var (exit, workers) = await Meshctl("members", "--endpoint", cluster.Controls[0], "--role", "worker");
        exit.Should().Be(0, workers);
        workers.Should().Contain($"2 members as seen by {cluster.Addresses[0]} (version ", "the node asked is not in the filtered list, so it is named by its address")
            .And.MatchRegex(@"\): 2 up; 0 unreachable");
        Rows(workers, "node-1").Should().BeEmpty();
        Rows(workers, "node-2").Should().ContainSingle();
        Rows(workers, "node-3").Should().ContainSingle();

        var (goneExit, gone) = await Meshctl("members", "--endpoint", cluster.Controls[0], "--status", "leaving,exiting,down");
        goneExit.Should().Be(0, gone);
        gone.Should().Contain("0 members as seen by").And.Contain("no members match");

        var (_, both) = await Meshctl("members", "--endpoint", cluster.Controls[0], "--json", "--status", "Up", "--status", "weakly-up", "--role", "front", "--role", "nobody");
        JsonDocument.Parse(both).RootElement.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("nodeId").GetString()).Should().Equal("node-1");
    }

    [Fact]
    public async Task A_status_that_akka_does_not_have_is_refused_with_the_choices()
    {
        var (exit, output) = await Meshctl("members", "--endpoint", cluster.Controls[0], "--status", "up,alive");

        exit.Should().NotBe(0);
        output.Should().Contain("--status 'alive' is not an Akka member status; give one or more of joining, weaklyup, up, preparingforshutdown, readyforshutdown, leaving, exiting, down, removed");
    }

    [Fact]
    public async Task Label_sets_the_nodes_labels_and_every_member_sees_them()
    {
        var (exit, output) = await Meshctl("members", "label", "--endpoint", cluster.Controls[0], "tier=edge", "owner=team-a");

        exit.Should().Be(0, output);
        output.Should().Contain($"labels of the node at {cluster.Controls[0]} set to owner=team-a, tier=edge; every member acknowledged them");
        await NodeControl.EventuallyAsync("node-3 sees node-1's new labels", TimeSpan.FromSeconds(30), async () =>
        {
            var (_, table) = await Meshctl("members", "--endpoint", cluster.Controls[2], "--role", "front");
            return Rows(table, "node-1").SingleOrDefault()?.Contains("│ owner=team-a,tier=edge │", StringComparison.Ordinal) == true;
        }, async () => (await Meshctl("members", "--endpoint", cluster.Controls[2])).Output);
    }

    [Theory]
    [InlineData("team", "'team' is not KEY=VALUE; write e.g. team=payments")]
    [InlineData("bad key=x", "'bad key=x': the key \"bad key\" is not a label name")]
    [InlineData("=x", "'=x': the key \"\" is not a label name")]
    public async Task Bad_label_input_exits_2_naming_the_argument_and_sends_nothing(string argument, string message)
    {
        // No node at this endpoint: the input is refused before any request.
        var (exit, output) = await Meshctl("members", "label", "--endpoint", "http://127.0.0.1:1", "ok=1", argument);

        exit.Should().Be(2, output);
        output.Should().Contain("error: " + message).And.NotContain("cannot reach").And.NotContain("   at ");
    }

    [Fact]
    public async Task A_label_key_given_twice_is_refused()
    {
        var (exit, output) = await Meshctl("members", "label", "--endpoint", "http://127.0.0.1:1", "team=a", "team=b");

        exit.Should().Be(2, output);
        output.Should().Contain("error: 'team=b': the key \"team\" is given twice");
    }

    [Fact]
    public async Task No_node_at_the_endpoint_is_explained_with_the_fix()
    {
        var (exit, output) = await Meshctl("members", "--endpoint", "http://127.0.0.1:1");

        exit.Should().Be(1);
        output.Should().Contain("cannot reach the control endpoint at http://127.0.0.1:1/").And.Contain("--endpoint http://HOST:PORT").And.NotContain("   at ");
    }
}
