using System.Collections;
using MeshActors.Events.Dissemination;
using MeshActors.Randomness;
using MeshActors.Views;

namespace MeshActors.Benchmarks.Overlay;

/// <summary>What one run of <see cref="OverlayScenario"/> measured.</summary>
internal sealed record OverlayResult(
    double ReliabilityFirst,
    double ReliabilityAfterHeal,
    double Redundancy,
    int MaxHops,
    int MaxHopsSteady,
    double MeanHopsSteady,
    DegreeSummary ActiveDegree,
    DegreeSummary InDegree,
    double LargestComponentFraction,
    long Events,
    ulong TraceHash,
    double SimulatedSeconds);

/// <summary>
/// The scenario: N nodes join one by one through random earlier nodes; the overlay settles for a
/// few shuffle periods; warm-up broadcasts let Plumtree prune its tree; steady broadcasts measure
/// redundancy (duplicate payloads per delivery); then F of the nodes crash at once and a live node
/// broadcasts at that instant (reliabilityFirst); one shuffle period later, 50 broadcasts one
/// second apart (reliabilityAfterHeal is their minimum). Reach is judged per broadcast over the
/// nodes that had joined by its send and were still alive <see cref="OverlaySimOptions.SettleMicros"/> later.
/// </summary>
internal static class OverlayScenario
{
    public static OverlayResult Run(OverlaySimOptions options, HyParViewOptions viewOptions, PlumtreeOptions treeOptions)
    {
        var n = options.Nodes;
        var period = (long)viewOptions.ShufflePeriod.TotalMicroseconds;
        var broadcasts = options.WarmUpBroadcasts + options.SteadyBroadcasts + 1 + options.HealBroadcasts;
        var healStartOffset = period;
        var churnSpan = healStartOffset + (options.HealBroadcasts * options.BroadcastSpacingMicros) + options.SettleMicros;
        var churnCount = (int)Math.Ceiling(options.ChurnPerSecond * churnSpan / 1e6);
        var capacity = n + churnCount;

        var sim = new OverlaySimulator(options, capacity, viewOptions, treeOptions);
        var scenario = new SeededRandomSource(options.Seed ^ 0x5DEECE66DUL);
        var delivered = Enumerable.Range(0, broadcasts).Select(_ => new BitArray(capacity)).ToArray();
        var deliveries = new long[broadcasts];
        var duplicates = new long[broadcasts];
        var sentAt = new long[broadcasts];
        var maxHops = 0;
        var maxHopsById = new int[broadcasts];
        var hopsById = new long[broadcasts];
        sim.Delivered = (node, gossip) =>
        {
            delivered[gossip.Id][node] = true;
            deliveries[gossip.Id]++;
            maxHops = Math.Max(maxHops, gossip.Round);
            maxHopsById[gossip.Id] = Math.Max(maxHopsById[gossip.Id], gossip.Round);
            hopsById[gossip.Id] += gossip.Round;
        };
        sim.Duplicate = (_, id) => duplicates[id]++;

        // Bootstrap.
        var joined = new List<int>(capacity);
        sim.Join(0, null);
        joined.Add(0);
        for (var node = 1; node < n; node++)
        {
            sim.RunUntil(node * options.JoinSpacingMicros);
            sim.Join(node, RandomLive(sim, joined, scenario));
            joined.Add(node);
        }

        var t = sim.Now + (options.StabilizePeriods * period);
        sim.RunUntil(t);

        // Warm-up and steady broadcasts.
        var id = 0;
        for (; id < options.WarmUpBroadcasts + options.SteadyBroadcasts; id++)
        {
            sentAt[id] = t;
            sim.Broadcast(RandomLive(sim, joined, scenario), id);
            t += options.BroadcastSpacingMicros;
            sim.RunUntil(t);
        }

        t += options.SettleMicros;
        sim.RunUntil(t);

        // Mass failure, and a broadcast at the same instant.
        var live = joined.Where(node => sim.Alive[node]).ToArray();
        var victims = (int)Math.Round(options.FailFraction * live.Length);
        for (var i = 0; i < victims; i++)
        {
            var j = i + scenario.Next(live.Length - i);
            (live[i], live[j]) = (live[j], live[i]);
            sim.Crash(live[i]);
        }

        var firstId = id++;
        sentAt[firstId] = t;
        sim.Broadcast(RandomLive(sim, joined, scenario), firstId);

        // Churn from the failure on; heal broadcasts after one shuffle period.
        var churnEvery = churnCount > 0 ? churnSpan / churnCount : long.MaxValue;
        var nextChurn = t + churnEvery;
        var nextNode = n;
        void RunWithChurn(long until)
        {
            while (nextChurn <= until && nextNode < capacity)
            {
                sim.RunUntil(nextChurn);
                sim.Crash(RandomLive(sim, joined, scenario));
                sim.Join(nextNode, RandomLive(sim, joined, scenario));
                joined.Add(nextNode++);
                nextChurn += churnEvery;
            }

            sim.RunUntil(until);
        }

        t += healStartOffset;
        RunWithChurn(t);
        var healFirst = id;
        for (var i = 0; i < options.HealBroadcasts; i++, id++)
        {
            sentAt[id] = t;
            sim.Broadcast(RandomLive(sim, joined, scenario), id);
            t += options.BroadcastSpacingMicros;
            RunWithChurn(t);
        }

        t += options.SettleMicros;
        RunWithChurn(t);

        double Reach(int message)
        {
            var eligible = 0;
            var reached = 0;
            for (var node = 0; node < capacity; node++)
            {
                if (sim.JoinedAt[node] <= sentAt[message] && node < nextNode && sim.DiedAt[node] > sentAt[message] + options.SettleMicros)
                {
                    eligible++;
                    reached += delivered[message][node] ? 1 : 0;
                }
            }

            return eligible == 0 ? 1 : (double)reached / eligible;
        }

        var steady = Enumerable.Range(options.WarmUpBroadcasts, options.SteadyBroadcasts).ToList();
        var redundancy = steady.Sum(m => (double)duplicates[m]) / Math.Max(1, steady.Sum(m => deliveries[m]));
        var afterHeal = Enumerable.Range(healFirst, options.HealBroadcasts).Select(Reach).DefaultIfEmpty(1).Min();
        var (activeDegree, inDegree) = OverlayMeasures.Degrees(sim, nextNode);
        return new OverlayResult(
            Reach(firstId),
            afterHeal,
            redundancy,
            maxHops,
            steady.Max(m => maxHopsById[m]),
            steady.Sum(m => (double)hopsById[m]) / Math.Max(1, steady.Sum(m => deliveries[m])),
            activeDegree,
            inDegree,
            OverlayMeasures.LargestComponentFraction(sim, nextNode),
            sim.EventsRun,
            sim.TraceHash,
            sim.Now / 1e6);
    }

    private static int RandomLive(OverlaySimulator sim, List<int> joined, IRandomSource random)
    {
        while (true)
        {
            var node = joined[random.Next(joined.Count)];
            if (sim.Alive[node])
            {
                return node;
            }
        }
    }
}
