using System.Collections.Concurrent;
using System.Diagnostics;

namespace MeshActors.Benchmarks.PubSub;

/// <summary>
/// One system's run: start the nodes, subscribe K seeded nodes (never node 0, the publisher), wait
/// until the publisher routes to all of them, then count every message serialized while node 0
/// publishes P payloads and until each subscriber has received all P (a deadline, never a sleep).
/// </summary>
internal static class PubSubRun
{
    private const string Topic = "bench.topic";

    public static async Task<PubSubFigures> RunAsync(IPubSubUnderTest system, PubSubCompareOptions options, CancellationToken cancellationToken)
    {
        await system.StartAsync(options.Nodes, cancellationToken);
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

        await ProbeAsync(system, options, probes, random, cancellationToken);

        var before = SerializationCounts.Snapshot();
        var clock = Stopwatch.StartNew();
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
        var seconds = clock.Elapsed.TotalSeconds;
        var counted = SerializationCounts.Between(before, SerializationCounts.Snapshot());
        var latencies = received.Values.SelectMany(r => r.Values).Select(l => l.TotalMilliseconds).Order().ToArray();
        return PubSubFigures.From(system, options, subscribed, counted, latencies, seconds);
    }

    /// <summary>
    /// Subscriptions spread asynchronously (DistributedPubSub: by its gossip), so node 0 publishes
    /// probes (negative sequence numbers, not measured) until one probe reaches every subscriber.
    /// Delivery from one node to another is in order, so every earlier probe has then arrived or
    /// been dropped, and none is still in flight when the measured interval starts.
    /// </summary>
    private static async Task ProbeAsync(IPubSubUnderTest system, PubSubCompareOptions options, Dictionary<int, ConcurrentDictionary<int, bool>> probes, Random random, CancellationToken cancellationToken)
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
                    return;
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
