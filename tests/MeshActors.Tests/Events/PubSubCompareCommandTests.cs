using System.Diagnostics;
using System.Text.Json.Nodes;

namespace MeshActors.Tests.Events;

/// <summary>
/// The pubsub-compare benchmark verb, run small as the README documents it: every field of a
/// system's object is there, every subscriber got every publish, and the counting method's sanity
/// check holds: DistributedPubSub sends exactly one payload message per subscribed node per publish,
/// each of the payload's size.
/// </summary>
public sealed class PubSubCompareCommandTests
{
    private static readonly string[] Arguments = ["pubsub-compare", "--nodes", "4", "--subscribers", "2", "--publishes", "10", "--payload-bytes", "100", "--seed", "3", "--json"];

    private static readonly string[] Fields =
    [
        "system", "transport", "subscribedNodes", "intervalSeconds", "delivered", "expected",
        "payloadMessagesPerPublish", "payloadBytesPerPublish", "backgroundMessagesPerPublish", "backgroundBytesPerPublish",
        "backgroundMessagesPerSecond", "backgroundBytesPerSecond",
        "messagesPerPublish", "bytesPerPublish", "latencyP50Ms", "latencyP99Ms", "membershipMessages", "membershipBytes",
        "otherMessages", "byType",
    ];

    [Fact]
    public async Task DistributedPubSub_sends_one_payload_message_per_subscriber_per_publish()
    {
        var json = await RunAsync();

        json["nodes"]!.GetValue<int>().Should().Be(4);
        json["subscribers"]!.GetValue<int>().Should().Be(2);
        json["publishes"]!.GetValue<int>().Should().Be(10);
        json["seed"]!.GetValue<int>().Should().Be(3);
        json.Should().NotContainKey("ratios", "ratios need a second system");
        var dps = json["systems"]!.AsArray().Single()!.AsObject();
        dps.Select(kv => kv.Key).Should().BeEquivalentTo(Fields);
        dps["system"]!.GetValue<string>().Should().Be("akka-dps");
        dps["subscribedNodes"]!.AsArray().Select(n => n!.GetValue<int>()).Should().HaveCount(2).And.NotContain(0, "node 0 publishes and does not subscribe");
        dps["delivered"]!.GetValue<long>().Should().Be(20).And.Be(dps["expected"]!.GetValue<long>());
        dps["payloadMessagesPerPublish"]!.GetValue<double>().Should().Be(2, "DistributedPubSub sends each publish once to each node with a subscriber");
        dps["payloadBytesPerPublish"]!.GetValue<double>().Should().Be(200, "the payload serializer writes the 100 payload bytes and nothing else");
        dps["byType"]!["MeshActors.Benchmarks.PubSub.PayloadMessage (with payload)"]!["messages"]!.GetValue<long>().Should().Be(20);
        dps["messagesPerPublish"]!.GetValue<double>().Should().BeGreaterThanOrEqualTo(2);
        dps["latencyP50Ms"]!.GetValue<double>().Should().BePositive();
        dps["latencyP99Ms"]!.GetValue<double>().Should().BeGreaterThanOrEqualTo(dps["latencyP50Ms"]!.GetValue<double>());
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
