using FsCheck;
using FsCheck.Fluent;
using MeshActors.Randomness;
using Microsoft.FSharp.Core;

namespace MeshActors.Tests.Events.Dissemination;

/// <summary>Over any connected graph without failures: every broadcast reaches every node, the
/// eager links settle into a spanning tree after one broadcast, and later broadcasts from any
/// source then cost no duplicate at all.</summary>
public sealed class PlumtreeProperties
{
    [Fact]
    public void After_one_broadcast_the_eager_links_are_a_spanning_tree_and_later_broadcasts_have_no_duplicates()
    {
        var cases = Gen.Choose(2, 80).SelectMany(n => Gen.Choose(1, 6).SelectMany(d => Gen.Choose(0, int.MaxValue).Select(s => (n, d, s))));
        Check.One(Settings(seed: 2024, tests: 150), Prop.ForAll(Arb.From(cases), c =>
        {
            var (nodes, degree, seed) = c;
            var network = new TreeNetwork(nodes, degree, (ulong)seed);
            var sources = new SeededRandomSource((ulong)seed);
            network.Broadcast(sources.Next(nodes), 0);
            network.Run();

            var eagerEdges = network.States.Sum(s => s.Eager.Count);
            eagerEdges.Should().Be(2 * (nodes - 1), "a spanning tree has n-1 edges, each eager at both ends");
            foreach (var state in network.States)
            {
                state.Eager.Intersect(state.Lazy).Should().BeEmpty();
                state.Eager.Should().NotContain(state.Self);
                state.Missing.Should().BeEmpty();
            }

            var duplicatesAfterFirst = network.Duplicates;
            for (var id = 1; id <= 5; id++)
            {
                network.Broadcast(sources.Next(nodes), id);
                network.Run();
            }

            network.Duplicates.Should().Be(duplicatesAfterFirst);
            network.Delivered.Should().OnlyContain(d => d.SetEquals(Enumerable.Range(0, 6).Select(i => (long)i)));
        }));
    }

    private static Config Settings(ulong seed, int tests) =>
        Config.QuickThrowOnFailure
            .WithMaxTest(tests)
            .WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(seed, 0x9E3779B97F4A7C15UL), FSharpOption<int>.None)));
}
