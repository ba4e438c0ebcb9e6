using System.Text.Json;

namespace MeshActors.Node.Tests;

/// <summary><c>meshctl shards simulate</c> as an operator runs it: offline, no node needed.</summary>
public sealed class MeshctlShardsTests
{
    [Fact]
    public async Task Simulating_a_join_shows_loads_before_and_after_and_the_moved_fraction_against_the_ideal()
    {
        var (exit, output) = await MeshctlProcess.RunAsync(["shards", "simulate", "--strategy", "rendezvous", "--nodes", "5", "--shards", "1000", "--add-node", "node-6", "--json"]);

        exit.Should().Be(0, output);
        var json = JsonDocument.Parse(output).RootElement;
        var nodes = json.GetProperty("nodes").EnumerateArray().ToDictionary(n => n.GetProperty("id").GetString()!);
        nodes.Keys.Should().BeEquivalentTo(["node-1", "node-2", "node-3", "node-4", "node-5", "node-6"]);
        nodes["node-6"].GetProperty("before").ValueKind.Should().Be(JsonValueKind.Null, "node-6 joins");
        nodes.Values.Where(n => n.GetProperty("before").ValueKind == JsonValueKind.Number).Sum(n => n.GetProperty("before").GetInt32()).Should().Be(1000);
        nodes.Values.Sum(n => n.GetProperty("after").GetInt32()).Should().Be(1000);
        nodes.Values.Where(n => n.GetProperty("id").GetString() != "node-6")
            .Should().OnlyContain(n => n.GetProperty("after").GetInt32() <= n.GetProperty("before").GetInt32(), "a join only takes shards away from the others");
        json.GetProperty("moved").GetInt32().Should().Be(nodes["node-6"].GetProperty("after").GetInt32(), "only shards onto the joiner move");
        json.GetProperty("idealFraction").GetDouble().Should().BeApproximately(1.0 / 6, 1e-9);
        json.GetProperty("movedFraction").GetDouble().Should().BeInRange(0.12, 0.22);
    }

    [Fact]
    public async Task Simulating_a_leave_in_text_moves_exactly_the_leavers_shards()
    {
        var (exit, output) = await MeshctlProcess.RunAsync(["shards", "simulate", "--strategy", "ring", "--nodes", "6", "--shards", "1000", "--remove-node", "node-3"]);

        exit.Should().Be(0, output);
        output.Should().Contain("strategy ring, namespace simulated, 1000 shards, 6 → 5 nodes (-node-3); simulated, nothing is applied");
        var leaver = output.Split('\n').Single(l => l.StartsWith("node-3 ", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        leaver[3].Should().Be("-", "node-3 has no load after it left");
        output.Should().Contain($"moved {leaver[2]} of 1000 shards: ").And.Contain("(ideal 16.67 %").And.Contain("load max/mean: before ");
    }

    [Theory]
    [InlineData("--strategy moon --nodes 5 --shards 10", "error: --strategy moon: unknown strategy; give one of rendezvous, ring, locality")]
    [InlineData("--shards 10", "error: --nodes is required")]
    [InlineData("--nodes 5 --shards 0", "error: --shards 0: give a whole number from 1 to 1000000")]
    [InlineData("--nodes five --shards 10", "error: --nodes five: give a whole number")]
    [InlineData("--nodes 3 --shards 10 --remove-node node-9", "error: --remove-node node-9: no such node")]
    [InlineData("--nodes 3 --shards 10 --add-node node-2", "error: --add-node node-2: a node with this id is already there")]
    [InlineData("--nodes 1 --shards 10 --remove-node node-1", "error: --remove-node: no node would be left")]
    public async Task Bad_input_exits_2_naming_the_option(string args, string expected)
    {
        var (exit, output) = await MeshctlProcess.RunAsync(["shards", "simulate", .. args.Split(' ')]);

        exit.Should().Be(2, output);
        output.Should().Contain(expected).And.NotContain("   at ");
    }
}
