using System.Collections.Immutable;

namespace MeshActors.Events.Dissemination;

/// <summary>
/// Plumtree (Leitão, Pereira and Rodrigues, SRDS 2007) as pure handlers. New links start eager;
/// a payload pushed eagerly to every eager peer and announced (IHAVE) to every lazy one; a
/// duplicate payload prunes its link to lazy, so the eager links settle into a spanning tree and
/// duplicates fall to near zero; a message announced but not received before its timer fires is
/// grafted from the announcer, which repairs the tree. Time is the driver's monotonic clock, passed
/// in; timers are state (<see cref="PlumtreeState{TPeer}.Missing"/>) and the driver calls
/// <see cref="OnTimer{TPeer}"/> at the returned <see cref="PlumtreeStep{TPeer}.WakeAt"/>.
/// </summary>
public static class Plumtree
{
    /// <summary>This node originates message <paramref name="id"/>: deliver it here, push it to eager peers, announce it to lazy ones.</summary>
    public static PlumtreeStep<TPeer> Broadcast<TPeer>(PlumtreeState<TPeer> state, long id, ReadOnlyMemory<byte> payload, TimeSpan now)
        where TPeer : notnull, IEquatable<TPeer>
    {
        var gossip = new PlumtreeMessage.Gossip(id, payload, 0);
        if (state.Received.Contains(id))
        {
            return new(state, [], null, null);
        }

        var sends = new List<PlumtreeSend<TPeer>>(state.Eager.Count + state.Lazy.Count);
        Push(state, gossip, state.Self, sends);
        return new(Remember(state, gossip, now), sends, gossip, null);
    }

    /// <summary>Routes a received message to its handler.</summary>
    public static PlumtreeStep<TPeer> Handle<TPeer>(PlumtreeState<TPeer> state, TPeer from, PlumtreeMessage message, TimeSpan now)
        where TPeer : notnull, IEquatable<TPeer> => message switch
        {
            PlumtreeMessage.Gossip m => OnGossip(state, from, m, now),
            PlumtreeMessage.IHave m => OnIHave(state, from, m, now),
            PlumtreeMessage.Graft m => OnGraft(state, from, m),
            PlumtreeMessage.Prune => OnPrune(state, from),
            _ => throw new ArgumentOutOfRangeException(nameof(message), message, "not a Plumtree message"),
        };

    /// <summary>A payload: the first copy is delivered and forwarded with round + 1 (its link made
    /// eager, its timer cancelled); a duplicate moves its link to lazy and answers PRUNE.</summary>
    public static PlumtreeStep<TPeer> OnGossip<TPeer>(PlumtreeState<TPeer> state, TPeer from, PlumtreeMessage.Gossip message, TimeSpan now)
        where TPeer : notnull, IEquatable<TPeer>
    {
        if (state.Received.Contains(message.Id))
        {
            var pruned = IsLink(state, from) ? MakeLazy(state, from) : state;
            return new(pruned, [new(from, new PlumtreeMessage.Prune())], null, null);
        }

        var received = message with { Round = message.Round + 1 };
        state = IsLink(state, from) ? MakeEager(state, from) : state;
        var sends = new List<PlumtreeSend<TPeer>>(state.Eager.Count + state.Lazy.Count);
        Push(state, received, from, sends);
        return new(Remember(state, received, now), sends, received, null);
    }

    /// <summary>An announcement: ignored if the message is here; otherwise the announcer is
    /// queued and, for the first announcement, a timer set <see cref="PlumtreeOptions.MissingTimeout"/> ahead.</summary>
    public static PlumtreeStep<TPeer> OnIHave<TPeer>(PlumtreeState<TPeer> state, TPeer from, PlumtreeMessage.IHave message, TimeSpan now)
        where TPeer : notnull, IEquatable<TPeer>
    {
        if (state.Received.Contains(message.Id))
        {
            return new(state, [], null, null);
        }

        if (state.Missing.TryGetValue(message.Id, out var missing))
        {
            var queued = missing with { Announcers = missing.Announcers.Enqueue((from, message.Round)) };
            return new(state with { Missing = state.Missing.SetItem(message.Id, queued) }, [], null, null);
        }

        var deadline = now + state.Options.MissingTimeout;
        var entry = new MissingMessage<TPeer>(ImmutableQueue.Create((from, message.Round)), deadline);
        return new(state with { Missing = state.Missing.Add(message.Id, entry) }, [], null, deadline);
    }

    /// <summary>Timers due at <paramref name="now"/> fire: each grafts its oldest announcer (that
    /// link becomes eager) and re-arms <see cref="PlumtreeOptions.GraftRetryTimeout"/> ahead; an
    /// entry with no announcer left is dropped.</summary>
    public static PlumtreeStep<TPeer> OnTimer<TPeer>(PlumtreeState<TPeer> state, TimeSpan now)
        where TPeer : notnull, IEquatable<TPeer>
    {
        var sends = new List<PlumtreeSend<TPeer>>();
        TimeSpan? wake = null;
        foreach (var (id, entry) in state.Missing)
        {
            if (entry.Deadline > now)
            {
                continue;
            }

            if (entry.Announcers.IsEmpty)
            {
                state = state with { Missing = state.Missing.Remove(id) };
                continue;
            }

            var rest = entry.Announcers.Dequeue(out var announcer);
            var retry = now + state.Options.GraftRetryTimeout;
            state = state with { Missing = state.Missing.SetItem(id, new MissingMessage<TPeer>(rest, retry)) };
            state = IsLink(state, announcer.Peer) ? MakeEager(state, announcer.Peer) : state;
            sends.Add(new(announcer.Peer, new PlumtreeMessage.Graft(id, announcer.Round)));
            wake = retry;
        }

        return new(state, sends, null, wake);
    }

    /// <summary>A GRAFT: the link becomes eager and the message, if still remembered, is sent.</summary>
    public static PlumtreeStep<TPeer> OnGraft<TPeer>(PlumtreeState<TPeer> state, TPeer from, PlumtreeMessage.Graft message)
        where TPeer : notnull, IEquatable<TPeer>
    {
        state = IsLink(state, from) ? MakeEager(state, from) : state;
        return state.Received.TryGet(message.Id, out var received)
            ? new(state, [new(from, received.Gossip)], null, null)
            : new(state, [], null, null);
    }

    /// <summary>A PRUNE: the link becomes lazy.</summary>
    public static PlumtreeStep<TPeer> OnPrune<TPeer>(PlumtreeState<TPeer> state, TPeer from)
        where TPeer : notnull, IEquatable<TPeer> =>
        new(IsLink(state, from) ? MakeLazy(state, from) : state, [], null, null);

    /// <summary>A new link (HyParView added <paramref name="peer"/> to the active view): it starts
    /// eager, and recently received messages are announced over it (see <see cref="PlumtreeOptions.AnnounceOnNeighborUp"/>).</summary>
    public static PlumtreeStep<TPeer> OnNeighborUp<TPeer>(PlumtreeState<TPeer> state, TPeer peer, TimeSpan now)
        where TPeer : notnull, IEquatable<TPeer>
    {
        if (peer.Equals(state.Self) || IsLink(state, peer))
        {
            return new(state, [], null, null);
        }

        var sends = new List<PlumtreeSend<TPeer>>();
        if (state.Options.AnnounceOnNeighborUp > TimeSpan.Zero)
        {
            foreach (var recent in state.Received.ReceivedSince(now - state.Options.AnnounceOnNeighborUp))
            {
                sends.Add(new(peer, new PlumtreeMessage.IHave(recent.Gossip.Id, recent.Gossip.Round)));
            }
        }

        return new(state with { Eager = state.Eager.Add(peer) }, sends, null, null);
    }

    /// <summary>A link went away (HyParView removed <paramref name="peer"/>): forget it, including
    /// as an announcer of missing messages.</summary>
    public static PlumtreeStep<TPeer> OnNeighborDown<TPeer>(PlumtreeState<TPeer> state, TPeer peer)
        where TPeer : notnull, IEquatable<TPeer>
    {
        var missing = state.Missing;
        foreach (var (id, entry) in state.Missing)
        {
            if (entry.Announcers.Any(a => a.Peer.Equals(peer)))
            {
                missing = missing.SetItem(id, entry with { Announcers = ImmutableQueue.CreateRange(entry.Announcers.Where(a => !a.Peer.Equals(peer))) });
            }
        }

        return new(state with { Eager = state.Eager.Remove(peer), Lazy = state.Lazy.Remove(peer), Missing = missing }, [], null, null);
    }

    private static void Push<TPeer>(PlumtreeState<TPeer> state, PlumtreeMessage.Gossip gossip, TPeer except, List<PlumtreeSend<TPeer>> sends)
        where TPeer : notnull, IEquatable<TPeer>
    {
        foreach (var peer in state.Eager)
        {
            if (!peer.Equals(except))
            {
                sends.Add(new(peer, gossip));
            }
        }

        if (state.Lazy.Count == 0)
        {
            return;
        }

        var announcement = new PlumtreeMessage.IHave(gossip.Id, gossip.Round);
        foreach (var peer in state.Lazy)
        {
            if (!peer.Equals(except))
            {
                sends.Add(new(peer, announcement));
            }
        }
    }

    private static PlumtreeState<TPeer> Remember<TPeer>(PlumtreeState<TPeer> state, PlumtreeMessage.Gossip gossip, TimeSpan now)
        where TPeer : notnull, IEquatable<TPeer> =>
        state with { Received = state.Received.Add(new ReceivedMessage(gossip, now)), Missing = state.Missing.Remove(gossip.Id) };

    private static bool IsLink<TPeer>(PlumtreeState<TPeer> state, TPeer peer)
        where TPeer : notnull, IEquatable<TPeer> => state.Eager.Contains(peer) || state.Lazy.Contains(peer);

    private static PlumtreeState<TPeer> MakeEager<TPeer>(PlumtreeState<TPeer> state, TPeer peer)
        where TPeer : notnull, IEquatable<TPeer> =>
        state.Eager.Contains(peer) ? state : state with { Eager = state.Eager.Add(peer), Lazy = state.Lazy.Remove(peer) };

    private static PlumtreeState<TPeer> MakeLazy<TPeer>(PlumtreeState<TPeer> state, TPeer peer)
        where TPeer : notnull, IEquatable<TPeer> =>
        state.Lazy.Contains(peer) ? state : state with { Lazy = state.Lazy.Add(peer), Eager = state.Eager.Remove(peer) };
}
