using MeshActors.Randomness;

namespace MeshActors.Views;

/// <summary>
/// HyParView's membership handlers (Leitão, Pereira and Rodrigues, DSN 2007) as pure functions:
/// each takes a node's state and an event and returns the next state and the messages to send.
/// The driver (an actor, or the simulator) delivers messages, calls <see cref="OnPeerFailed{TPeer}"/>
/// when a link to a peer breaks (the paper's TCP-as-failure-detector), and calls
/// <see cref="Tick{TPeer}"/> every <see cref="HyParViewOptions.ShufflePeriod"/>. Shuffles are in
/// <see cref="HyParViewShuffle"/>. All randomness comes from the <see cref="IRandomSource"/> passed in.
/// </summary>
public static class HyParView
{
    /// <summary>A new node joins through <paramref name="contact"/>: it sends Join and takes the
    /// contact as its first neighbour (the contact always admits a joiner).</summary>
    public static HyParViewStep<TPeer> StartJoin<TPeer>(HyParViewState<TPeer> state, TPeer contact, IRandomSource random)
        where TPeer : notnull, IEquatable<TPeer>
    {
        var sends = new List<HyParViewSend<TPeer>>();
        if (contact.Equals(state.Self))
        {
            return new(state, sends);
        }

        state = AddActive(state, contact, random, sends);
        sends.Add(new(contact, new HyParViewMessage<TPeer>.Join()));
        return new(state, sends);
    }

    /// <summary>Routes a received message to its handler.</summary>
    public static HyParViewStep<TPeer> Handle<TPeer>(HyParViewState<TPeer> state, TPeer from, HyParViewMessage<TPeer> message, IRandomSource random)
        where TPeer : notnull, IEquatable<TPeer> => message switch
        {
            HyParViewMessage<TPeer>.Join => OnJoin(state, from, random),
            HyParViewMessage<TPeer>.ForwardJoin m => OnForwardJoin(state, from, m, random),
            HyParViewMessage<TPeer>.ForwardJoinAccepted => OnForwardJoinAccepted(state, from, random),
            HyParViewMessage<TPeer>.Neighbor m => OnNeighbor(state, from, m, random),
            HyParViewMessage<TPeer>.NeighborReply m => OnNeighborReply(state, from, m, random),
            HyParViewMessage<TPeer>.Disconnect => OnDisconnect(state, from, random),
            HyParViewMessage<TPeer>.Shuffle m => HyParViewShuffle.OnShuffle(state, from, m, random),
            HyParViewMessage<TPeer>.ShuffleReply m => HyParViewShuffle.OnShuffleReply(state, m, random),
            _ => throw new ArgumentOutOfRangeException(nameof(message), message, "not a HyParView message"),
        };

    /// <summary>The contact admits the joiner to its active view and starts a forward-join walk
    /// of ARWL hops through each of its other neighbours.</summary>
    public static HyParViewStep<TPeer> OnJoin<TPeer>(HyParViewState<TPeer> state, TPeer from, IRandomSource random)
        where TPeer : notnull, IEquatable<TPeer>
    {
        var sends = new List<HyParViewSend<TPeer>>();
        if (from.Equals(state.Self))
        {
            return new(state, sends);
        }

        state = AddActive(state, from, random, sends);
        foreach (var peer in state.Active)
        {
            if (!peer.Equals(from))
            {
                sends.Add(new(peer, new HyParViewMessage<TPeer>.ForwardJoin(from, state.Options.ActiveRandomWalkLength)));
            }
        }

        return new(state, sends);
    }

    /// <summary>A forward-join walk step: the walk ends here (the new node becomes an active
    /// neighbour) when its time to live is spent or this node has no other neighbour; at PRWL the
    /// new node enters the passive view; otherwise the walk goes on to a random other neighbour.</summary>
    public static HyParViewStep<TPeer> OnForwardJoin<TPeer>(HyParViewState<TPeer> state, TPeer from, HyParViewMessage<TPeer>.ForwardJoin message, IRandomSource random)
        where TPeer : notnull, IEquatable<TPeer>
    {
        var sends = new List<HyParViewSend<TPeer>>();
        var newNode = message.NewNode;
        if (newNode.Equals(state.Self))
        {
            return new(state, sends);
        }

        if (message.TimeToLive > 0 && state.Active.TryPickRandom(random, from, newNode, out var next))
        {
            if (message.TimeToLive == state.Options.PassiveRandomWalkLength)
            {
                state = AddPassive(state, newNode, random);
            }

            sends.Add(new(next, message with { TimeToLive = message.TimeToLive - 1 }));
            return new(state, sends);
        }

        if (!state.Active.Contains(newNode))
        {
            state = AddActive(state, newNode, random, sends);
            sends.Add(new(newNode, new HyParViewMessage<TPeer>.ForwardJoinAccepted()));
        }

        return new(state, sends);
    }

    /// <summary>The node where a forward join ended took this node as a neighbour: take it back.</summary>
    public static HyParViewStep<TPeer> OnForwardJoinAccepted<TPeer>(HyParViewState<TPeer> state, TPeer from, IRandomSource random)
        where TPeer : notnull, IEquatable<TPeer>
    {
        var sends = new List<HyParViewSend<TPeer>>();
        return new(from.Equals(state.Self) ? state : AddActive(state, from, random, sends), sends);
    }

    /// <summary>A neighbour request: accepted when it has high priority or the active view has
    /// room below <see cref="HyParViewOptions.ActiveHigh"/>, refused otherwise.</summary>
    public static HyParViewStep<TPeer> OnNeighbor<TPeer>(HyParViewState<TPeer> state, TPeer from, HyParViewMessage<TPeer>.Neighbor message, IRandomSource random)
        where TPeer : notnull, IEquatable<TPeer>
    {
        var sends = new List<HyParViewSend<TPeer>>();
        if (from.Equals(state.Self))
        {
            return new(state, sends);
        }

        var accept = state.Active.Contains(from) || message.Priority == NeighborPriority.High || !state.Active.IsFull;
        if (accept)
        {
            state = AddActive(state, from, random, sends);
        }

        sends.Add(new(from, new HyParViewMessage<TPeer>.NeighborReply(accept)));
        return new(state, sends);
    }

    /// <summary>The answer to this node's request: an accepted peer becomes active, a refusing one
    /// goes back to the passive view (the next <see cref="Tick{TPeer}"/> tries another).</summary>
    public static HyParViewStep<TPeer> OnNeighborReply<TPeer>(HyParViewState<TPeer> state, TPeer from, HyParViewMessage<TPeer>.NeighborReply message, IRandomSource random)
        where TPeer : notnull, IEquatable<TPeer>
    {
        var sends = new List<HyParViewSend<TPeer>>();
        if (from.Equals(state.Self))
        {
            return new(state, sends);
        }

        state = state with { Pending = state.Pending.Remove(from) };
        state = message.Accepted ? AddActive(state, from, random, sends) : AddPassive(state, from, random);
        return new(state, sends);
    }

    /// <summary>A neighbour dropped this node: it moves to the passive view. A node left below
    /// <see cref="HyParViewOptions.ActiveLow"/> asks for replacements at once; otherwise the next
    /// <see cref="Tick{TPeer}"/> repairs.</summary>
    public static HyParViewStep<TPeer> OnDisconnect<TPeer>(HyParViewState<TPeer> state, TPeer from, IRandomSource random)
        where TPeer : notnull, IEquatable<TPeer>
    {
        var sends = new List<HyParViewSend<TPeer>>();
        if (!state.Active.Contains(from))
        {
            return new(state, sends);
        }

        state = state with { Active = state.Active.Remove(from) };
        state = AddPassive(state, from, random);
        if (state.Active.Count < state.Options.ActiveLow)
        {
            state = Repair(state, random, sends);
        }

        return new(state, sends);
    }

    /// <summary>The link to <paramref name="peer"/> broke (or a message to it could not be
    /// delivered): forget it everywhere and ask passive peers to replace it up to the target.</summary>
    public static HyParViewStep<TPeer> OnPeerFailed<TPeer>(HyParViewState<TPeer> state, TPeer peer, IRandomSource random)
        where TPeer : notnull, IEquatable<TPeer>
    {
        var sends = new List<HyParViewSend<TPeer>>();
        var wasActive = state.Active.Contains(peer);
        state = state with { Active = state.Active.Remove(peer), Passive = state.Passive.Remove(peer), Pending = state.Pending.Remove(peer) };
        if (wasActive || state.Active.Count < state.Options.ActiveLow)
        {
            state = Repair(state, random, sends);
        }

        return new(state, sends);
    }

    /// <summary>The periodic step: requests still unanswered go back to the passive view, the
    /// active view is repaired up to the target, and a shuffle walk starts.</summary>
    public static HyParViewStep<TPeer> Tick<TPeer>(HyParViewState<TPeer> state, IRandomSource random)
        where TPeer : notnull, IEquatable<TPeer>
    {
        var sends = new List<HyParViewSend<TPeer>>();
        foreach (var peer in state.Pending)
        {
            state = AddPassive(state with { Pending = state.Pending.Remove(peer) }, peer, random);
        }

        state = Repair(state, random, sends);
        state = HyParViewShuffle.Start(state, random, sends);
        return new(state, sends);
    }

    /// <summary>Sends neighbour requests to random passive peers until active plus pending reach
    /// the target; high priority while the active view is below the low mark.</summary>
    internal static HyParViewState<TPeer> Repair<TPeer>(HyParViewState<TPeer> state, IRandomSource random, List<HyParViewSend<TPeer>> sends)
        where TPeer : notnull, IEquatable<TPeer>
    {
        while (state.Active.Count + state.Pending.Count < state.Options.ActiveTarget
               && !state.Pending.IsFull
               && state.Passive.TryPickRandom(random, out var candidate))
        {
            var priority = state.Active.Count < state.Options.ActiveLow ? NeighborPriority.High : NeighborPriority.Low;
            state = state with { Passive = state.Passive.Remove(candidate), Pending = state.Pending.Add(candidate) };
            sends.Add(new(candidate, new HyParViewMessage<TPeer>.Neighbor(priority)));
        }

        return state;
    }

    /// <summary>Makes <paramref name="peer"/> active, evicting a random neighbour (told with
    /// Disconnect, moved to the passive view) when the view is full.</summary>
    internal static HyParViewState<TPeer> AddActive<TPeer>(HyParViewState<TPeer> state, TPeer peer, IRandomSource random, List<HyParViewSend<TPeer>> sends)
        where TPeer : notnull, IEquatable<TPeer>
    {
        if (peer.Equals(state.Self) || state.Active.Contains(peer))
        {
            return state;
        }

        state = state with { Passive = state.Passive.Remove(peer), Pending = state.Pending.Remove(peer) };
        if (state.Active.IsFull && state.Active.TryPickRandom(random, out var evicted))
        {
            state = state with { Active = state.Active.Remove(evicted) };
            state = AddPassive(state, evicted, random);
            sends.Add(new(evicted, new HyParViewMessage<TPeer>.Disconnect()));
        }

        return state with { Active = state.Active.Add(peer) };
    }

    /// <summary>Adds <paramref name="peer"/> to the passive view unless this node already knows it,
    /// evicting a random passive peer when full.</summary>
    internal static HyParViewState<TPeer> AddPassive<TPeer>(HyParViewState<TPeer> state, TPeer peer, IRandomSource random)
        where TPeer : notnull, IEquatable<TPeer>
    {
        if (state.Knows(peer) || state.Passive.Capacity == 0)
        {
            return state;
        }

        var passive = state.Passive;
        if (passive.IsFull && passive.TryPickRandom(random, out var evicted))
        {
            passive = passive.Remove(evicted);
        }

        return state with { Passive = passive.Add(peer) };
    }
}
