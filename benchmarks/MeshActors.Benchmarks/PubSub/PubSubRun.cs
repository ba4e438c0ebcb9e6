using System.Collections.Concurrent;
using System.Diagnostics;

namespace MeshActors.Benchmarks.PubSub;

/// <summary>
/// One system's run: start the nodes, subscribe K seeded nodes (never node 0, the publisher), wait
/// until the publisher routes to all of them (counted apart, as readiness), then count every
/// message serialized while node 0 publishes P payloads, until each subscriber has received all P
/// (a deadline, never a sleep) and no payload has been sent for 250 ms. Progress goes to stderr.
/// </summary>
internal static class PubSubRun
{
    private const string Topic = "bench.topic";

    public static async Task<PubSubFigures> RunAsync(IPubSubUnderTest system, PubSubCompareOptions options, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        Progress(system, $"starting {options.Nodes} nodes");
        await system.StartAsync(options.Nodes, cancellationToken);
        Progress(system, $"{options.Nodes} nodes ready after {clock.Elapsed.TotalSeconds:0.0} s");
        var random = new Random(options.Seed);
        var subscribed = Enumerable.Range(1, options.Nodes - 1).OrderBy(_ => random.Next()).Take(options.Subscribers).Order().ToArray();
        var received = subscribed.ToDictionary(n => n, _ => new ConcurrentDictionary<int, TimeSpan>());
        var probes = subscribed.ToDictionary(n => n, _ => new ConcurrentDictionary<int, bool>());
        foreach (var node in subscribed)
        {
            var (mine, myProbes) = (received[node], probes[node]);
            await system.SubscribeAsync(node, Topic, payload =>
            {
                var (sequence, latency) = PayloadCodec.Decode(payload.Span);
                _ = sequence < 0 ? myProbes.TryAdd(sequence, true) : mine.TryAdd(sequence, latency);
            }, cancellationToken);
        }

        var beforeProbes = SerializationCounts.Snapshot();
        clock.Restart();
        var probed = await ProbeAsync(system, options, probes, random, cancellationToken);
        await QuietAsync(cancellationToken);
        var readiness = PubSubReadiness.From(system, probed, SerializationCounts.Between(beforeProbes, SerializationCounts.Snapshot()), clock.Elapsed.TotalSeconds);
        Progress(system, $"nodes {string.Join(",", subscribed)} subscribed; probe {probed} reached them all ({clock.Elapsed.TotalSeconds:0.0} s); publishing {options.Publishes}");

        var before = SerializationCounts.Snapshot();
        var copiesBefore = SerializationCounts.PayloadsReceivedSnapshot();
        var deliveredBefore = Enumerable.Range(0, options.Nodes).Select(system.DeliveredAt).ToArray();
        clock.Restart();
        using (var pace = new PeriodicTimer(TimeSpan.FromMilliseconds(Math.Max(1, options.PublishIntervalMs))))
        {
            for (var i = 0; i < options.Publishes; i++)
            {
                system.Publish(0, Topic, PayloadCodec.Encode(i, options.PayloadBytes, random));
                if (options.PublishIntervalMs > 0 && i + 1 < options.Publishes)
                {
                    await pace.WaitForNextTickAsync(cancellationToken);
                }
            }
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(options.Deadline);
        await UntilAsync($"each of the {options.Subscribers} subscribers receives all {options.Publishes} publishes", () => received.Values.All(r => r.Count == options.Publishes), deadline.Token);
        Progress(system, $"every subscriber has all {options.Publishes} after {clock.Elapsed.TotalSeconds:0.0} s");
        await QuietAsync(cancellationToken);
        var seconds = clock.Elapsed.TotalSeconds;
        var counted = SerializationCounts.Between(before, SerializationCounts.Snapshot());
        var copiesAfter = SerializationCounts.PayloadsReceivedSnapshot();
        long Copies(IEnumerable<int> nodes) => nodes.Sum(n =>
        {
            var key = system.SystemOf(n);
            return copiesAfter.GetValueOrDefault(key) - copiesBefore.GetValueOrDefault(key);
        });

        var others = Enumerable.Range(0, options.Nodes).Except(subscribed).ToArray();
        var deliveredOutside = others.Select(n => system.DeliveredAt(n) - deliveredBefore[n]).ToArray();
        if (system.DeliveredAt(0) is not null)
        {
            var deliveredInside = subscribed.Sum(n => system.DeliveredAt(n) - deliveredBefore[n]);
            Progress(system, $"its own delivery counters: {deliveredInside} on subscribed nodes, {deliveredOutside.Sum()} on the others");
        }

        var latencies = received.Values.SelectMany(r => r.Values).Select(l => l.TotalMilliseconds).Order().ToArray();
        return PubSubFigures.From(system, options, subscribed, counted, latencies, seconds) with
        {
            PayloadCopiesToSubscribersPerPublish = Math.Round((double)Copies(subscribed) / options.Publishes, 3),
            PayloadCopiesToNonSubscribersPerPublish = Math.Round((double)Copies(others) / options.Publishes, 3),
            ActiveDegree = system.ActiveDegree(),
            NonSubscriberDeliveries = deliveredOutside.Any(d => d is null) ? null : deliveredOutside.Sum(d => d!.Value),
            Readiness = readiness,
        };
    }

    /// <summary>
    /// Waits until no payload-carrying message has been serialized for 250 ms (at most 10 s), so
    /// the copies still travelling to nodes beyond the subscribers (relays, leaves of a tree) and
    /// the control messages they cause fall in the interval that caused them.
    /// </summary>
    private static async Task QuietAsync(CancellationToken cancellationToken)
    {
        static long Payloads() => SerializationCounts.Snapshot().Where(kv => kv.Key.CarriesPayload).Sum(kv => kv.Value.Messages);
        var quiet = Stopwatch.StartNew();
        var total = Stopwatch.StartNew();
        var last = Payloads();
        while (quiet.ElapsedMilliseconds < 250 && total.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(25, cancellationToken);
            var now = Payloads();
            if (now != last)
            {
                (last, quiet) = (now, Stopwatch.StartNew());
            }
        }
    }

    /// <summary>One progress line on stderr (stdout carries only the JSON).</summary>
    public static void Progress(IPubSubUnderTest system, string line) =>
        Console.Error.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {system.Name}: {line}");

    /// <summary>
    /// Subscriptions spread asynchronously (DistributedPubSub: by its gossip), so node 0 publishes
    /// probes (negative sequence numbers, not measured) until one probe reaches every subscriber.
    /// Delivery from one node to another is in order, so every earlier probe has then arrived or
    /// been dropped, and none is still in flight when the measured interval starts. Returns how
    /// many probes it took.
    /// </summary>
    private static async Task<int> ProbeAsync(IPubSubUnderTest system, PubSubCompareOptions options, Dictionary<int, ConcurrentDictionary<int, bool>> probes, Random random, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(options.Deadline);
        for (var probe = -1; ; probe--)
        {
            deadline.Token.ThrowIfCancellationRequested();
            system.Publish(0, Topic, PayloadCodec.Encode(probe, options.PayloadBytes, random));
            var wait = Stopwatch.StartNew();
            while (wait.ElapsedMilliseconds < 250)
            {
                if (probes.Values.All(p => p.ContainsKey(probe)))
                {
                    return -probe;
                }

                await Task.Delay(10, deadline.Token);
            }
        }
    }

    /// <summary>Polls <paramref name="condition"/> every 20 ms until it holds; throws naming <paramref name="what"/> when <paramref name="cancellationToken"/> ends first (default 60 s).</summary>
    public static async Task UntilAsync(string what, Func<Task<bool>> condition, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(60));
        using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(20));
        try
        {
            while (!await condition())
            {
                await poll.WaitForNextTickAsync(deadline.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested || deadline.IsCancellationRequested)
        {
            throw new TimeoutException($"gave up waiting until {what}");
        }
    }

    /// <inheritdoc cref="UntilAsync(string, Func{Task{bool}}, CancellationToken)"/>
    public static Task UntilAsync(string what, Func<bool> condition, CancellationToken cancellationToken) =>
        UntilAsync(what, () => Task.FromResult(condition()), cancellationToken);
}
