using FsCheck;
using FsCheck.Fluent;
using MeshActors.Randomness;
using MeshActors.Views;
using Microsoft.FSharp.Core;
using M = MeshActors.Views.HyParViewMessage<int>;

namespace MeshActors.Tests.Views;

/// <summary>Invariants under arbitrary input, and symmetry of active links once a network is quiet.</summary>
public sealed class HyParViewProperties
{
    private static readonly HyParViewOptions Small = HyParViewOptions.Default with { ActiveTarget = 3, ActiveLow = 2, ActiveHigh = 4, PassiveSize = 6, ActiveRandomWalkLength = 4, PassiveRandomWalkLength = 2, ShuffleActive = 2, ShufflePassive = 2 };

    [Fact]
    public void Any_sequence_of_events_keeps_views_within_limits_without_self_and_disjoint()
    {
        var events = Gen.Choose(0, 10).SelectMany(k => Gen.Choose(0, 12).SelectMany(p => Gen.Choose(0, 7).Select(a => (k, p, a)))).ListOf().Select(l => l.ToArray());
        Check.One(Settings(seed: 4711, tests: 2_000), Prop.ForAll(Arb.From(events), script =>
        {
            foreach (var options in new[] { HyParViewOptions.Default, Small })
            {
                var random = new SeededRandomSource(42);
                var state = HyParViewState<int>.Create(0, options);
                foreach (var (kind, peer, arg) in script)
                {
                    state = Apply(state, kind, peer, arg, random).State;
                    state.ShouldKeepInvariants();
                }
            }
        }));
    }

    [Fact]
    public void After_joins_and_shuffles_the_network_is_quiet_with_symmetric_active_links()
    {
        var cases = Gen.Choose(2, 60).SelectMany(n => Gen.Choose(0, 3).SelectMany(r => Gen.Choose(0, int.MaxValue).Select(s => (n, r, s))));
        Check.One(Settings(seed: 1337, tests: 200), Prop.ForAll(Arb.From(cases), c =>
        {
            var (nodes, rounds, seed) = c;
            foreach (var options in new[] { HyParViewOptions.Default, Small })
            {
                var network = new ViewNetwork(nodes, (ulong)seed, options);
                var picker = new SeededRandomSource((ulong)seed + 1);
                for (var node = 1; node < nodes; node++)
                {
                    network.Join(node, picker.Next(node));
                    if (picker.Next(2) == 0)
                    {
                        network.Drain().Should().BeTrue();
                    }
                }

                network.Drain().Should().BeTrue();
                for (var round = 0; round < rounds; round++)
                {
                    for (var node = 0; node < nodes; node++)
                    {
                        network.Tick(node);
                    }

                    network.Drain().Should().BeTrue();
                }

                network.AsymmetricLinks().Should().BeEmpty();
                foreach (var state in network.States)
                {
                    state.ShouldKeepInvariants();
                }

                if (options == HyParViewOptions.Default)
                {
                    // Not a guarantee of the protocol: with the Small options a clique of
                    // ActiveTarget + 1 nodes is content and can close itself off (observed: 4 of
                    // 22). With the project's options no case here splits; the simulator measures
                    // the largest component at scale.
                    Reachable(network.States).Should().Be(nodes);
                }
            }
        }));
    }

    private static HyParViewStep<int> Apply(HyParViewState<int> state, int kind, int peer, int arg, IRandomSource random) => kind switch
    {
        0 => HyParView.StartJoin(state, peer, random),
        1 => HyParView.OnJoin(state, peer, random),
        2 => HyParView.OnForwardJoin(state, peer, new M.ForwardJoin((peer + arg) % 13, arg), random),
        3 => HyParView.OnForwardJoinAccepted(state, peer, random),
        4 => HyParView.OnNeighbor(state, peer, new M.Neighbor(arg % 2 == 0 ? NeighborPriority.Low : NeighborPriority.High), random),
        5 => HyParView.OnNeighborReply(state, peer, new M.NeighborReply(arg % 2 == 0), random),
        6 => HyParView.OnDisconnect(state, peer, random),
        7 => HyParView.OnPeerFailed(state, peer, random),
        8 => HyParView.Tick(state, random),
        9 => HyParViewShuffle.OnShuffle(state, peer, new M.Shuffle((peer + 1) % 13, arg, [.. Enumerable.Range(arg, 5)]), random),
        _ => HyParViewShuffle.OnShuffleReply(state, new M.ShuffleReply([.. Enumerable.Range(peer, arg)]), random),
    };

    private static int Reachable(HyParViewState<int>[] states)
    {
        var seen = new HashSet<int> { 0 };
        var frontier = new Queue<int>([0]);
        while (frontier.TryDequeue(out var node))
        {
            foreach (var peer in states[node].Active.Where(seen.Add))
            {
                frontier.Enqueue(peer);
            }
        }

        return seen.Count;
    }

    private static Config Settings(ulong seed, int tests) =>
        Config.QuickThrowOnFailure
            .WithMaxTest(tests)
            .WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(seed, 0x9E3779B97F4A7C15UL), FSharpOption<int>.None)));
}
