using System.Diagnostics;
using MeshActors.Actors;
using MeshActors.Simulation;

namespace MeshActors.Benchmarks;

/// <summary>
/// Simulated message deliveries per wall-clock second: every node runs an echo actor, and each
/// starts with K messages in flight to random peers, which bounce them on for the whole run.
/// The anchor, measured in the same process, is a bare priority-queue push+pop loop of the same
/// number of events: the floor cost of any discrete-event simulator on this machine.
/// </summary>
internal static class SimulatorThroughput
{
    public static int Run(string[] raw)
    {
        var args = new BenchmarkArgs(raw);
        var nodes = (int)args.Get("nodes", 1000);
        var inflight = (int)args.Get("inflight", 8);
        var seconds = args.Get("seconds", 5);
        var seed = (ulong)args.Get("seed", 42);
        var traceText = args.Has("trace-text");

        // Warm-up run so tiered JIT has settled before the measured run.
        Measure(nodes, inflight, 2, seed, traceText);
        var (deliveries, elapsed) = Measure(nodes, inflight, seconds, seed, traceText);
        var rate = deliveries / elapsed.TotalSeconds;
        var anchorRate = Anchor(deliveries, nodes * inflight);

        Console.WriteLine($"nodes={nodes} inflight/node={inflight} virtual={seconds}s seed={seed} trace-text={traceText}");
        Console.WriteLine($"deliveries={deliveries:N0} wall={elapsed.TotalSeconds:F2}s rate={rate:N0}/s");
        Console.WriteLine($"anchor (bare priority queue push+pop)={anchorRate:N0}/s ratio={rate / anchorRate:F3}");
        return 0;
    }

    private static (long Deliveries, TimeSpan Elapsed) Measure(int nodes, int inflight, long seconds, ulong seed, bool traceText)
    {
        var sim = new Simulation.Simulation(seed, new SimulationOptions { TraceMessageText = traceText });
        for (var i = 0; i < nodes; i++)
        {
            sim.AddNode($"n{i}", node => Echo.Setup(node, nodes, inflight));
        }

        var watch = Stopwatch.StartNew();
        sim.RunFor(TimeSpan.FromSeconds(seconds));
        return (sim.Network.Delivered, watch.Elapsed);
    }

    private static double Anchor(long events, int queueSize)
    {
        var random = new SeededRandomSource(1);
        var queue = new PriorityQueue<object, (long, long)>();
        var payload = new object();
        long seq = 0;
        for (var i = 0; i < queueSize; i++)
        {
            queue.Enqueue(payload, (random.Next(1000), seq++));
        }

        var watch = Stopwatch.StartNew();
        for (long i = 0; i < events; i++)
        {
            queue.TryDequeue(out var item, out var key);
            queue.Enqueue(item!, (key.Item1 + 500 + random.Next(1000), seq++));
        }

        return events / watch.Elapsed.TotalSeconds;
    }

    private sealed class Echo(SimulatedNode node, int nodes, int inflight) : Actor<Echo.Inbound>
    {
        public sealed record Inbound(int From, object Message);

        public sealed record Ball(int Hops);

        public static void Setup(SimulatedNode node, int nodes, int inflight)
        {
            var actor = node.System.Spawn<Inbound>("echo", () => new Echo(node, nodes, inflight));
            node.Receiver = (from, message) => actor.Tell(new Inbound(from, message));
        }

        protected override void PreStart()
        {
            for (var i = 0; i < inflight; i++)
            {
                node.Send(Context.Random.Next(nodes), new Ball(0));
            }
        }

        protected override void Handle(Inbound message) =>
            node.Send(Context.Random.Next(nodes), new Ball(((Ball)message.Message).Hops + 1));
    }
}
