using MeshActors.Actors;

namespace MeshActors.Simulation;

/// <summary>
/// The network between simulated nodes. Each message is independently delayed, lost, duplicated or
/// held back per its link's <see cref="LinkProfile"/>. Partitions are checked when a message
/// arrives, like a firewall dropping packets on input, so a partition also eats messages in flight.
/// </summary>
public sealed class SimulatedNetwork
{
    private readonly Simulation _simulation;
    private readonly IRandomSource _random;
    private readonly Dictionary<long, LinkProfile> _links = new();
    private readonly HashSet<long> _blocked = new();
    private readonly Dictionary<MeshActors.Transport.NodeAddress, int> _addresses = new();
    private LinkProfile _defaultLink;

    internal SimulatedNetwork(Simulation simulation, IRandomSource random, LinkProfile defaultLink)
    {
        _simulation = simulation;
        _random = random;
        _defaultLink = defaultLink.Validate();
    }

    /// <summary>Messages handed to the network.</summary>
    public long Sent { get; private set; }

    /// <summary>Messages that reached a running node.</summary>
    public long Delivered { get; private set; }

    /// <summary>Messages dropped by link loss.</summary>
    public long Lost { get; private set; }

    /// <summary>Extra copies made by link duplication.</summary>
    public long Duplicated { get; private set; }

    /// <summary>Messages dropped because a partition blocked them.</summary>
    public long Blocked { get; private set; }

    /// <summary>Messages that arrived at a crashed node, or a node with no receiver.</summary>
    public long Undeliverable { get; private set; }

    /// <summary>The profile of every link without one of its own.</summary>
    public LinkProfile DefaultLink
    {
        get => _defaultLink;
        set => _defaultLink = value.Validate();
    }

    /// <summary>Gives the link from <paramref name="from"/> to <paramref name="to"/> (and back,
    /// unless <paramref name="oneWay"/>) its own profile.</summary>
    public void SetLink(int from, int to, LinkProfile profile, bool oneWay = false)
    {
        profile.Validate();
        _links[Key(from, to)] = profile;
        if (!oneWay)
        {
            _links[Key(to, from)] = profile;
        }
    }

    /// <summary>Blocks messages from every node in <paramref name="sideA"/> to every node in
    /// <paramref name="sideB"/>, and the reverse unless <paramref name="oneWay"/>.</summary>
    public void Partition(IEnumerable<int> sideA, IEnumerable<int> sideB, bool oneWay = false)
    {
        var b = sideB.ToArray();
        foreach (var a in sideA)
        {
            foreach (var other in b)
            {
                _blocked.Add(Key(a, other));
                if (!oneWay)
                {
                    _blocked.Add(Key(other, a));
                }
            }
        }
    }

    /// <summary>Makes <paramref name="address"/> reach node <paramref name="nodeId"/>, as DNS or a
    /// listening socket would.</summary>
    public void Register(MeshActors.Transport.NodeAddress address, int nodeId) => _addresses[address] = nodeId;

    /// <summary>The node listening at <paramref name="address"/>, if any.</summary>
    public bool TryResolve(MeshActors.Transport.NodeAddress address, out int nodeId) => _addresses.TryGetValue(address, out nodeId);

    /// <summary>Removes every partition.</summary>
    public void Heal() => _blocked.Clear();

    /// <summary>Whether messages from <paramref name="from"/> to <paramref name="to"/> are blocked.</summary>
    public bool IsBlocked(int from, int to) => _blocked.Count > 0 && _blocked.Contains(Key(from, to));

    internal void Send(SimulatedNode from, int to, object message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (from.State == SimulatedNodeState.Crashed)
        {
            return;
        }

        var nodes = _simulation.NodeList;
        if ((uint)to >= (uint)nodes.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(to), to, $"There is no node {to}; ids run from 0 to {nodes.Count - 1}.");
        }

        Sent++;
        var link = _links.Count == 0 || !_links.TryGetValue(Key(from.Id, to), out var own) ? _defaultLink : own;
        if (link.Loss > 0 && _random.NextDouble() < link.Loss)
        {
            Lost++;
            return;
        }

        Schedule(link, from.Id, nodes[to], message);
        if (link.Duplication > 0 && _random.NextDouble() < link.Duplication)
        {
            Duplicated++;
            Schedule(link, from.Id, nodes[to], message);
        }
    }

    internal void Deliver(SimulatedNode to, int from, object message)
    {
        var loop = _simulation.Loop;
        if (to.State == SimulatedNodeState.Paused)
        {
            loop.ScheduleAt(to.PausedUntilTicks, to, message, from);
            return;
        }

        if (IsBlocked(from, to.Id))
        {
            Blocked++;
            return;
        }

        var receiver = to.Receiver;
        if (to.State == SimulatedNodeState.Crashed || receiver is null)
        {
            Undeliverable++;
            return;
        }

        Delivered++;
        _simulation.RecordDelivery(from, to.Id, message);
        receiver(from, message);
    }

    private void Schedule(LinkProfile link, int from, SimulatedNode to, object message)
    {
        var delay = link.Latency.Sample(_random).Ticks;
        if (link.Reordering > 0 && _random.NextDouble() < link.Reordering)
        {
            delay += link.ReorderDelay.Ticks;
        }

        _simulation.Loop.ScheduleAt(_simulation.Loop.NowTicks + delay, to, message, from);
    }

    private static long Key(int from, int to) => ((long)from << 32) | (uint)to;
}
