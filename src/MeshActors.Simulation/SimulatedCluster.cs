using System.Collections.Immutable;
using MeshActors.Configuration;
using MeshActors.Discovery;
using MeshActors.Discovery.Bootstrap;
using MeshActors.Membership;
using MeshActors.Transport;

namespace MeshActors.Simulation;

/// <summary>
/// A cluster of real membership actors on the simulator: each node has a
/// <see cref="SimulatedTransport"/> at its own address and joins through node 0 (or starts from an
/// agreed member list, for large-N benchmarks). Scenario tests and benchmarks script crashes,
/// restarts, pauses, partitions and leaves, and read each node's member table directly.
/// </summary>
public sealed class SimulatedCluster
{
    private const string ClusterId = "sim";
    private readonly List<ClusterNode> _nodes = [];
    private readonly MembershipSettings _settings;

    /// <summary>Creates an empty cluster on a new simulation with <paramref name="seed"/>.</summary>
    public SimulatedCluster(ulong seed, MembershipSettings settings, LinkProfile? link = null, bool traceMessageText = false)
    {
        _settings = settings;
        Simulation = new Simulation(seed, new SimulationOptions { DefaultLink = link ?? LinkProfile.Lan, TraceMessageText = traceMessageText });
    }

    /// <summary>The simulation underneath.</summary>
    public Simulation Simulation { get; }

    /// <summary>How many nodes were added.</summary>
    public int Count => _nodes.Count;

    /// <summary>Called for every member event on every node: (observer index, kind, member, virtual time).</summary>
    public Action<int, MemberEventKind, Member, TimeSpan>? OnEvent { get; set; }

    /// <summary>The node id of node <paramref name="index"/>.</summary>
    public string NodeId(int index) => _nodes[index].NodeId;

    /// <summary>The transport address of node <paramref name="index"/>.</summary>
    public NodeAddress Address(int index) => _nodes[index].Address;

    /// <summary>The simulated machine of node <paramref name="index"/>.</summary>
    public SimulatedNode Node(int index) => _nodes[index].Node;

    /// <summary>Adds a node that joins through <paramref name="seeds"/> (default: node 0; none for the first node).</summary>
    public int Add(IReadOnlyList<int>? seeds = null, MemberMetadata? metadata = null)
    {
        var index = _nodes.Count;
        var seedAddresses = (seeds ?? (index == 0 ? [] : [0])).Select(Address).ToList();
        var node = new ClusterNode(this, index, $"n{index:D5}", AddressFor(index, 0), seedAddresses, metadata ?? MemberMetadata.ForCluster(ClusterId), null);
        _nodes.Add(node);
        node.Node = Simulation.AddNode(node.NodeId, node.Setup);
        return index;
    }

    /// <summary>
    /// Adds a node that finds its peers the way a fleet behind one DNS name does: its only
    /// provider lists every running node added this way (itself included), and the bootstrap
    /// decides whether it joins or forms. Call it from <c>Simulation.At</c> to stagger starts.
    /// </summary>
    public int AddDiscovering(BootstrapOptions bootstrap)
    {
        var index = _nodes.Count;
        var node = new ClusterNode(this, index, $"n{index:D5}", AddressFor(index, 0), [], MemberMetadata.ForCluster(ClusterId), null) { Bootstrap = bootstrap };
        _nodes.Add(node);
        node.Node = Simulation.AddNode(node.NodeId, node.Setup);
        return index;
    }

    /// <summary>Node <paramref name="index"/>'s discovery (null unless added with <see cref="AddDiscovering"/>).</summary>
    public ClusterDiscovery? Discovery(int index) => _nodes[index].Discovery;

    /// <summary>Starts <paramref name="count"/> nodes that already agree on the member list (all
    /// alive at incarnation 0), sharing the records to keep memory at one table per node. What is
    /// measured afterwards (a join, a crash, steady load) runs the full protocol.</summary>
    public void AddAgreed(int count)
    {
        var start = _nodes.Count;
        var metadata = MemberMetadata.ForCluster(ClusterId);
        var members = new List<Member>(count);
        for (var i = start; i < start + count; i++)
        {
            members.Add(new Member($"n{i:D5}", AddressFor(i, 0), MemberStatus.Alive, 0, metadata, Simulation.Epoch));
        }

        for (var i = start; i < start + count; i++)
        {
            var node = new ClusterNode(this, i, members[i - start].NodeId, members[i - start].Address, [], metadata, members);
            _nodes.Add(node);
            node.Node = Simulation.AddNode(node.NodeId, node.Setup);
        }
    }

    /// <summary>Node <paramref name="observer"/>'s record of node <paramref name="subject"/>; null if it has none (or is down).</summary>
    public Member? View(int observer, int subject)
    {
        var table = _nodes[observer].Stats.Members;
        return _nodes[observer].Node.State != SimulatedNodeState.Crashed && table is not null && table.TryGet(NodeId(subject), out var member) ? member : null;
    }

    /// <summary>Node <paramref name="observer"/>'s whole table (empty if it is down).</summary>
    public IReadOnlyCollection<Member> Members(int observer) =>
        _nodes[observer].Node.State == SimulatedNodeState.Crashed || _nodes[observer].Stats.Members is not { } table ? [] : table.Members.ToList();

    /// <summary>Whether every node in <paramref name="observers"/> sees <paramref name="subject"/> with <paramref name="status"/>.</summary>
    public bool AllSee(int subject, MemberStatus status, IEnumerable<int> observers) =>
        observers.All(o => View(o, subject)?.Status == status);

    /// <summary>Indices of the nodes that run (not crashed), except <paramref name="except"/>.</summary>
    public IEnumerable<int> Running(params int[] except) =>
        Enumerable.Range(0, _nodes.Count).Where(i => _nodes[i].Node.State != SimulatedNodeState.Crashed && !except.Contains(i));

    /// <summary>Runs until every running node sees exactly <paramref name="members"/> members, all
    /// alive, and the running ones among them; false if that does not happen within <paramref name="timeout"/>.</summary>
    public bool RunUntilConverged(int members, TimeSpan timeout) =>
        Simulation.RunUntil(
            () =>
            {
                var running = Running().ToList();
                return running.All(o => IsUp(o) && Members(o) is var view && view.Count(m => m.Status == MemberStatus.Alive) == members &&
                                         running.All(r => View(o, r)?.Status == MemberStatus.Alive));
            },
            timeout);

    /// <summary>Probes by node <paramref name="index"/> that failed directly but were answered through another member.</summary>
    public long IndirectAcks(int index) => _nodes[index].Stats.IndirectAcks;

    /// <summary>Whether node <paramref name="index"/> has joined (or started as a single-node cluster).</summary>
    public bool IsUp(int index) => _nodes[index].Stats.UpAt is not null;

    /// <summary>Membership messages sent by node <paramref name="index"/> since its last start.</summary>
    public long MessagesSent(int index) => _nodes[index].Stats.MessagesSent;

    /// <summary>Membership payload bytes sent by node <paramref name="index"/> since its last start.</summary>
    public long BytesSent(int index) => _nodes[index].Stats.BytesSent;

    /// <summary>Node <paramref name="index"/>'s membership API (current incarnation).</summary>
    public ClusterMembership Membership(int index) => _nodes[index].Membership!;

    /// <summary>Starts a graceful leave of node <paramref name="index"/>; the task ends when its notices are acknowledged or time out.</summary>
    public Task<int> Leave(int index) => Membership(index).LeaveAsync();

    /// <summary>Restarts node <paramref name="index"/> with the same node id, optionally at a new address (port + 1).</summary>
    public void Restart(int index, bool newAddress = false)
    {
        var node = _nodes[index];
        if (newAddress)
        {
            node.Address = AddressFor(index, node.Address.Port - 7946 + 1);
        }

        node.Seeds = Enumerable.Range(0, _nodes.Count).Where(i => i != index).Take(3).Select(Address).ToList();
        node.WarmStart = null;
        node.Node.Restart();
    }

    private static readonly Lazy<DiscoveryOptions> DiscoveryDefaults = new(() => MeshConfigLoader.Load(new ConfigSources()).Options.Discovery);

    private static NodeAddress AddressFor(int index, int generation) =>
        new($"10.{index / 65536 % 256}.{index / 256 % 256}.{index % 256}", 7946 + generation);

    private sealed class ClusterNode(SimulatedCluster cluster, int index, string nodeId, NodeAddress address, List<NodeAddress> seeds, MemberMetadata metadata, IReadOnlyList<Member>? warm)
    {
        public string NodeId { get; } = nodeId;

        public NodeAddress Address { get; set; } = address;

        public List<NodeAddress> Seeds { get; set; } = seeds;

        public IReadOnlyList<Member>? WarmStart { get; set; } = warm;

        public SimulatedNode Node { get; set; } = null!;

        public MembershipStats Stats { get; private set; } = new();

        public ClusterMembership? Membership { get; private set; }

        public BootstrapOptions? Bootstrap { get; init; }

        public ClusterDiscovery? Discovery { get; private set; }

        public void Setup(SimulatedNode node)
        {
            var transport = new SimulatedTransport(node, new SimulatedTransportOptions { Address = Address, NodeId = NodeId, ClusterId = ClusterId });
            Stats = new MembershipStats
            {
                OnEvent = (kind, member) => cluster.OnEvent?.Invoke(index, kind, member, cluster.Simulation.Now),
            };
            ClusterMembership? membership = null;
            _ = transport.StartAsync(message =>
            {
                if (ClusterMembership.Handles(message.Message))
                {
                    membership?.Deliver(message);
                }
            });
            membership = ClusterMembership.Start(node.System, new MembershipActorOptions
            {
                NodeId = NodeId,
                Transport = transport,
                Settings = cluster._settings,
                Metadata = metadata with { Labels = ImmutableSortedDictionary<string, string>.Empty },
                Seeds = Seeds,
                WarmStart = WarmStart,
                Stats = Stats,
                AwaitBootstrap = Bootstrap is not null,
                OnUp = () => Discovery?.NotifyUp(),
            });
            Membership = membership;
            if (Bootstrap is { } bootstrap)
            {
                Discovery = ClusterDiscovery.Start(node.System, new DiscoveryStart
                {
                    Options = DiscoveryDefaults.Value with { Bootstrap = bootstrap, PeerCache = DiscoveryDefaults.Value.PeerCache with { Enabled = false } },
                    Context = new DiscoveryContext { NodeId = NodeId, ClusterId = ClusterId, LocalAddress = Address, DataDir = ".", Time = node.Time, Random = node.Random.Split() },
                    Transport = transport,
                    Membership = membership,
                    ExtraProviders = [new ProviderRegistration(new SharedNameProvider(cluster), DiscoveryTier.Dns, TimeSpan.FromSeconds(1))],
                });
            }
        }
    }

    /// <summary>Like a DNS name over the whole fleet: every running node added by <see cref="AddDiscovering"/>.</summary>
    private sealed class SharedNameProvider(SimulatedCluster cluster) : IDiscoveryProvider
    {
        public string Name => "dns";

        public Task<DiscoveryResult> DiscoverAsync(CancellationToken cancellationToken) => Task.FromResult(new DiscoveryResult(
            cluster._nodes.Where(n => n.Bootstrap is not null && n.Node?.State is SimulatedNodeState.Running)
                .Select(n => new ContactPoint(n.Address, Name) { Source = "the fleet's shared name" }).ToList()));

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
