using System.Diagnostics;
using System.Text.Json.Nodes;

namespace MeshActors.Tests.Events;

/// <summary>
/// The pubsub-compare benchmark verb, run small as the README documents it, with both systems in
/// one run: every field of a system's object is there, every subscriber got every publish, the
/// counting method's sanity check holds (DistributedPubSub sends exactly one payload message per
/// subscribed node per publish, each of the payload's size), MeshActors' nodes without a
/// subscription delivered nothing, and the ratios are there.
/// </summary>
public sealed class PubSubCompareCommandTests
{
    private static readonly string[] Arguments = ["pubsub-compare", "--nodes", "4", "--subscribers", "2", "--publishes", "10", "--payload-bytes", "100", "--seed", "3", "--systems", "akka-dps,meshactors", "--json"];

    private static readonly string[] Fields =
    [
        "system", "transport", "subscribedNodes", "intervalSeconds", "delivered", "expected",
        "payloadMessagesPerPublish", "payloadBytesPerPublish", "controlMessagesPerPublish", "controlBytesPerPublish", "backgroundMessagesPerPublish", "backgroundBytesPerPublish",
        "backgroundMessagesPerSecond", "backgroundBytesPerSecond",
        "messagesPerPublish", "bytesPerPublish", "latencyP50Ms", "latencyP99Ms", "membershipMessages", "membershipBytes",
        "otherMessages", "payloadCopiesToSubscribersPerPublish", "payloadCopiesToNonSubscribersPerPublish", "nonSubscriberDeliveries",
        "activeDegree", "readiness", "byType",
    ];

    [Fact]
    public async Task Both_systems_deliver_every_publish_to_every_subscriber_and_DistributedPubSub_sends_one_payload_message_per_subscriber()
    {
        var json = await RunAsync();

        json["nodes"]!.GetValue<int>().Should().Be(4);
        json["subscribers"]!.GetValue<int>().Should().Be(2);
        json["publishes"]!.GetValue<int>().Should().Be(10);
        json["seed"]!.GetValue<int>().Should().Be(3);
        var systems = json["systems"]!.AsArray().Select(s => s!.AsObject()).ToList();
        systems.Select(s => s["system"]!.GetValue<string>()).Should().Equal("akka-dps", "meshactors");
        var (dps, mesh) = (systems[0], systems[1]);
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
        dps["activeDegree"].Should().BeNull("DistributedPubSub has no overlay");
        dps["payloadCopiesToNonSubscribersPerPublish"]!.GetValue<double>().Should().Be(0, "DistributedPubSub sends only to nodes with a subscriber");

        mesh.Select(kv => kv.Key).Should().BeEquivalentTo(Fields);
        mesh["subscribedNodes"]!.AsArray().Select(n => n!.GetValue<int>()).Should().Equal(dps["subscribedNodes"]!.AsArray().Select(n => n!.GetValue<int>()), "the seed chooses the same subscribers for both");
        mesh["delivered"]!.GetValue<long>().Should().Be(20).And.Be(mesh["expected"]!.GetValue<long>());
        mesh["nonSubscriberDeliveries"]!.GetValue<long>().Should().Be(0, "a node without a matching subscription hands nothing to handlers");
        mesh["payloadCopiesToSubscribersPerPublish"]!.GetValue<double>().Should().BeGreaterThanOrEqualTo(2);
        mesh["payloadMessagesPerPublish"]!.GetValue<double>().Should().BeGreaterThanOrEqualTo(3, "Plumtree's tree reaches all N - 1 other nodes, relays included");
        mesh["byType"]!["MeshActors.Events.Delivery.EventGossip (with payload)"]!["messages"]!.GetValue<long>().Should().BeGreaterThanOrEqualTo(30);
        mesh["activeDegree"]!["min"]!.GetValue<int>().Should().Be(3, "with 4 nodes every node links to the 3 others (low = min(4, N - 1))");
        mesh["readiness"]!["probes"]!.GetValue<int>().Should().BePositive();
        mesh["latencyP99Ms"]!.GetValue<double>().Should().BeGreaterThanOrEqualTo(mesh["latencyP50Ms"]!.GetValue<double>());

        var ratios = json["ratios"]!.AsArray().Single()!.AsObject();
        ratios["system"]!.GetValue<string>().Should().Be("meshactors");
        ratios["baseline"]!.GetValue<string>().Should().Be("akka-dps");
        ratios["messagesPerPublish"]!.GetValue<double>().Should().BePositive();
        ratios["bytesPerPublish"]!.GetValue<double>().Should().BePositive();
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
