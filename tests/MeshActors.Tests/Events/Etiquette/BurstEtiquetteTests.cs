using MeshActors.Events.Envelope;
using MeshActors.Events.Etiquette;
using MeshActors.Randomness;
using Xunit.Abstractions;

namespace MeshActors.Tests.Events.Etiquette;

/// <summary>
/// Reply offsets spread N replies evenly. With N nodes and 20 equal buckets of the window, each
/// bucket's count is binomial(N, 1/20); uniform offsets give a chi-square statistic with 19 degrees
/// of freedom, which exceeds 43.82 with probability 0.001, and no bucket strays from N/20 by more
/// than 4.5 standard deviations (√(N·1/20·19/20)). The offsets are deterministic, so these are
/// fixed checks that a hash change would have to pass again, not flaky ones.
/// </summary>
public sealed class BurstEtiquetteTests(ITestOutputHelper output)
{
    private const int Buckets = 20;
    private const double ChiSquareCritical = 43.82;
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(10);

    [Theory]
    [InlineData(1_000)]
    [InlineData(10_000)]
    public void Offsets_for_one_event_are_close_to_uniform(int nodes)
    {
        foreach (var seed in new ulong[] { 1, 2, 3 })
        {
            var eventId = EventId.New(new SeededRandomSource(seed));
            var counts = new int[Buckets];
            foreach (var offset in Offsets(nodes, eventId))
            {
                offset.Should().BeGreaterThanOrEqualTo(TimeSpan.Zero).And.BeLessThan(Window);
                counts[(int)(offset.Ticks * Buckets / Window.Ticks)]++;
            }

            var expected = nodes / (double)Buckets;
            var chiSquare = counts.Sum(c => (c - expected) * (c - expected) / expected);
            var sigma = Math.Sqrt(nodes * (1.0 / Buckets) * (1 - 1.0 / Buckets));
            var worst = counts.Max(c => Math.Abs(c - expected)) / sigma;
            output.WriteLine($"N={nodes} event {eventId}: chi-square {chiSquare:F1} (19 df), worst bucket {worst:F2} σ from {expected}");
            chiSquare.Should().BeLessThan(ChiSquareCritical, $"N={nodes}, event {eventId}, buckets [{string.Join(", ", counts)}]");
            worst.Should().BeLessThan(4.5);
        }
    }

    [Fact]
    public void Offsets_are_deterministic_and_pinned()
    {
        var id = new EventId(0x0011223344556677, 0x8899AABBCCDDEEFF);
        BurstEtiquette.Offset("node-1", id, Window).Should().Be(BurstEtiquette.Offset("node-1", id, Window));
        BurstEtiquette.Offset("node-1", id, Window).Ticks.Should().Be(PinnedNode1Ticks, "every node and version computes the same delay");
        BurstEtiquette.Offset("node-1", id, TimeSpan.Zero).Should().Be(TimeSpan.Zero);
        var negative = () => BurstEtiquette.Offset("node-1", id, TimeSpan.FromSeconds(-1));
        negative.Should().Throw<ArgumentOutOfRangeException>();
    }

    /// <summary>Rank correlation of two events' orders over 1,000 nodes: |ρ| &lt; 0.15, about 4.7σ for independent orders; and the first to reply changes from event to event.</summary>
    [Fact]
    public void Different_events_give_unrelated_orders()
    {
        var random = new SeededRandomSource(77);
        var firsts = new HashSet<int>();
        var previous = Ranks(Offsets(1_000, EventId.New(random)));
        for (var e = 0; e < 100; e++)
        {
            var offsets = Offsets(1_000, EventId.New(random));
            var ranks = Ranks(offsets);
            Spearman(previous, ranks).Should().BeInRange(-0.15, 0.15);
            firsts.Add(Array.IndexOf(offsets, offsets.Min()));
            previous = ranks;
        }

        firsts.Count.Should().BeGreaterThan(85, "100 events have nearly 100 different first repliers among 1,000 nodes");
    }

    private const long PinnedNode1Ticks = 76_951_134;

    private static TimeSpan[] Offsets(int nodes, EventId eventId) =>
        [.. Enumerable.Range(0, nodes).Select(i => BurstEtiquette.Offset($"node-{i}", eventId, Window))];

    private static int[] Ranks(TimeSpan[] offsets)
    {
        var order = Enumerable.Range(0, offsets.Length).OrderBy(i => offsets[i]).ToArray();
        var ranks = new int[offsets.Length];
        for (var r = 0; r < order.Length; r++)
        {
            ranks[order[r]] = r;
        }

        return ranks;
    }

    private static double Spearman(int[] a, int[] b)
    {
        double n = a.Length;
        var sumSquares = a.Zip(b, (x, y) => (double)(x - y) * (x - y)).Sum();
        return 1 - 6 * sumSquares / (n * (n * n - 1));
    }
}
