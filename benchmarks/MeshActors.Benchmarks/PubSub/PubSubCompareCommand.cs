using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MeshActors.Benchmarks.PubSub;

/// <summary>
/// <c>pubsub-compare</c>: for each system named by <c>--systems</c> (default Akka's
/// DistributedPubSub), N nodes in this process, K of them subscribed to one topic, one other node
/// publishing P payloads; prints per publish the remote messages and serialized bytes (payload and
/// background), delivery latency p50/p99, and, with two or more systems, each one's ratio to the
/// first. See PubSub/README.md for what is counted and what is not.
/// </summary>
internal static class PubSubCompareCommand
{
    public const string Usage = "pubsub-compare [--nodes 12] [--subscribers 4] [--publishes 200] [--payload-bytes 256] [--publish-interval-ms 10] [--seed 1] [--systems akka-dps] [--json]";

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static async Task<int> RunAsync(string[] raw)
    {
        var args = new BenchmarkArgs(raw);
        PubSubCompareOptions options;
        string[] names;
        try
        {
            options = new PubSubCompareOptions
            {
                Nodes = (int)args.Get("nodes", 12),
                Subscribers = (int)args.Get("subscribers", 4),
                Publishes = (int)args.Get("publishes", 200),
                PayloadBytes = (int)args.Get("payload-bytes", 256),
                PublishIntervalMs = (int)args.Get("publish-interval-ms", 10),
                Seed = (int)args.Get("seed", 1),
            };
            names = args.Get("systems", "akka-dps").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }
        catch (ArgumentException ex)
        {
            return Refuse(ex.Message);
        }

        if (options.Nodes < 2 || options.Subscribers < 1 || options.Subscribers > options.Nodes - 1 || options.Publishes < 1
            || options.PayloadBytes < PayloadCodec.HeaderBytes || options.PublishIntervalMs < 0)
        {
            return Refuse($"--nodes must be at least 2, --subscribers between 1 and nodes - 1 (the publisher does not subscribe), --publishes at least 1, --payload-bytes at least {PayloadCodec.HeaderBytes}, --publish-interval-ms not negative.");
        }

        var unknown = names.Length == 0 ? string.Empty : names.FirstOrDefault(n => !PubSubSystems.Names.Contains(n));
        if (unknown is not null)
        {
            return Refuse($"--systems takes names from: {string.Join(", ", PubSubSystems.Names)}; '{unknown}' is not one.");
        }

        var figures = new List<PubSubFigures>();
        foreach (var name in names)
        {
            await using var system = PubSubSystems.Create(name)!;
            figures.Add(await PubSubRun.RunAsync(system, options, CancellationToken.None));
        }

        Console.WriteLine(Document(options, figures).ToJsonString(new JsonSerializerOptions { WriteIndented = !args.Has("json"), Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        return 0;
    }

    /// <summary>The run's options, one object per system, and each later system's ratios to the first.</summary>
    public static JsonObject Document(PubSubCompareOptions options, IReadOnlyList<PubSubFigures> figures)
    {
        var document = new JsonObject
        {
            ["nodes"] = options.Nodes,
            ["subscribers"] = options.Subscribers,
            ["publishes"] = options.Publishes,
            ["payloadBytes"] = options.PayloadBytes,
            ["publishIntervalMs"] = options.PublishIntervalMs,
            ["seed"] = options.Seed,
            ["systems"] = new JsonArray(figures.Select(f => JsonSerializer.SerializeToNode(f, Json)).ToArray()),
        };
        if (figures.Count > 1)
        {
            var baseline = figures[0];
            document["ratios"] = new JsonArray(figures.Skip(1).Select(f => (JsonNode)new JsonObject
            {
                ["system"] = f.System,
                ["baseline"] = baseline.System,
                ["messagesPerPublish"] = Ratio(f.MessagesPerPublish, baseline.MessagesPerPublish),
                ["bytesPerPublish"] = Ratio(f.BytesPerPublish, baseline.BytesPerPublish),
                ["payloadMessagesPerPublish"] = Ratio(f.PayloadMessagesPerPublish, baseline.PayloadMessagesPerPublish),
                ["payloadBytesPerPublish"] = Ratio(f.PayloadBytesPerPublish, baseline.PayloadBytesPerPublish),
                ["latencyP99Ms"] = Ratio(f.LatencyP99Ms, baseline.LatencyP99Ms),
            }).ToArray());
        }

        return document;
    }

    private static double? Ratio(double value, double baseline) => baseline == 0 ? null : Math.Round(value / baseline, 3);

    private static int Refuse(string message)
    {
        Console.Error.WriteLine(message);
        Console.Error.WriteLine("usage: MeshActors.Benchmarks " + Usage);
        return 2;
    }
}
