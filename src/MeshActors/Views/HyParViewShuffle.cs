using System.Collections.Immutable;
using MeshActors.Randomness;

namespace MeshActors.Views;

/// <summary>
/// HyParView's passive-view maintenance: a node periodically sends itself, ka active and kp
/// passive peers on a random walk of ARWL hops; the node where the walk ends answers with as many
/// of its passive peers, and both merge what they received into their passive views, evicting
/// first the peers they sent. This is what lets a node replace failed neighbours with live ones.
/// </summary>
public static class HyParViewShuffle
{
    /// <summary>A shuffle walk step: forwarded while it has hops left and this node has another
    /// neighbour; otherwise this node answers the origin and merges the sample.</summary>
    public static HyParViewStep<TPeer> OnShuffle<TPeer>(HyParViewState<TPeer> state, TPeer from, HyParViewMessage<TPeer>.Shuffle message, IRandomSource random)
        where TPeer : notnull, IEquatable<TPeer>
    {
        var sends = new List<HyParViewSend<TPeer>>();
        if (message.Origin.Equals(state.Self))
        {
            return new(state, sends);
        }

        var timeToLive = message.TimeToLive - 1;
        if (timeToLive > 0 && state.Active.TryPickRandom(random, from, message.Origin, out var next))
        {
            sends.Add(new(next, message with { TimeToLive = timeToLive }));
            return new(state, sends);
        }

        var reply = state.Passive.Sample(random, message.Sample.Length).ToImmutableArray();
        sends.Add(new(message.Origin, new HyParViewMessage<TPeer>.ShuffleReply(reply)));
        return new(Merge(state, message.Sample, reply, random), sends);
    }

    /// <summary>The answer to this node's shuffle: merge it, evicting first what this node sent.</summary>
    public static HyParViewStep<TPeer> OnShuffleReply<TPeer>(HyParViewState<TPeer> state, HyParViewMessage<TPeer>.ShuffleReply message, IRandomSource random)
        where TPeer : notnull, IEquatable<TPeer>
    {
        var merged = Merge(state, message.Sample, state.LastShuffle, random) with { LastShuffle = [] };
        return new(merged, []);
    }

    /// <summary>Starts a shuffle walk through a random neighbour, remembering the sample.</summary>
    internal static HyParViewState<TPeer> Start<TPeer>(HyParViewState<TPeer> state, IRandomSource random, List<HyParViewSend<TPeer>> sends)
        where TPeer : notnull, IEquatable<TPeer>
    {
        if (!state.Active.TryPickRandom(random, out var first))
        {
            return state;
        }

        var sample = ImmutableArray.CreateBuilder<TPeer>(1 + state.Options.ShuffleActive + state.Options.ShufflePassive);
        sample.Add(state.Self);
        foreach (var peer in state.Active.Sample(random, state.Options.ShuffleActive))
        {
            if (!peer.Equals(first))
            {
                sample.Add(peer);
            }
        }

        sample.AddRange(state.Passive.Sample(random, state.Options.ShufflePassive));
        var taken = sample.ToImmutable();
        sends.Add(new(first, new HyParViewMessage<TPeer>.Shuffle(state.Self, state.Options.ActiveRandomWalkLength, taken)));
        return state with { LastShuffle = taken };
    }

    private static HyParViewState<TPeer> Merge<TPeer>(HyParViewState<TPeer> state, ImmutableArray<TPeer> received, ImmutableArray<TPeer> evictFirst, IRandomSource random)
        where TPeer : notnull, IEquatable<TPeer>
    {
        var passive = state.Passive;
        var nextEviction = 0;
        foreach (var peer in received)
        {
            if (state.Knows(peer) || passive.Contains(peer) || passive.Capacity == 0)
            {
                continue;
            }

            if (passive.IsFull)
            {
                while (nextEviction < evictFirst.Length && !passive.Contains(evictFirst[nextEviction]))
                {
                    nextEviction++;
                }

                passive = nextEviction < evictFirst.Length
                    ? passive.Remove(evictFirst[nextEviction++])
                    : passive.TryPickRandom(random, out var evicted) ? passive.Remove(evicted) : passive;
            }

            passive = passive.Add(peer);
        }

        return state with { Passive = passive };
    }
}
