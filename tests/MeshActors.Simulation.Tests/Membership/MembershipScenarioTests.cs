using MeshActors.Membership;
using MeshActors.Simulation;
using MeshActors.Transport;
using MeshActors.Transport.Wire;

namespace MeshActors.Simulation.Tests.Membership;

/// <summary>SWIM with Lifeguard on the simulator: each test scripts one situation the protocol
/// must handle and checks every node's member table. Virtual time, fixed seeds.</summary>
public sealed class MembershipScenarioTests
{
    private static readonly MembershipSettings Lan = MembershipSettings.FromProfile("lan");
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    private readonly List<(int Observer, MemberEventKind Kind, string Subject, TimeSpan At)> _events = [];

    private SimulatedCluster Start(int n, ulong seed = 1, LinkProfile? link = null)
    {
        var cluster = new SimulatedCluster(seed, Lan, link);
        cluster.OnEvent = (observer, kind, member, at) => _events.Add((observer, kind, member.NodeId, at));
        for (var i = 0; i < n; i++)
        {
            cluster.Add();
        }

        cluster.RunUntilConverged(n, Minute).Should().BeTrue($"{n} nodes should see each other alive within a minute");
        _events.Clear();
        return cluster;
    }

    private int Count(MemberEventKind kind, string? subject = null) =>
        _events.Count(e => e.Kind == kind && (subject is null || e.Subject == subject));

    [Fact]
    public void A_quiet_cluster_probes_ok_and_nobody_is_suspected()
    {
        var cluster = Start(5);

        cluster.Simulation.RunFor(TimeSpan.FromMinutes(2));

        Count(MemberEventKind.Suspect).Should().Be(0);
        cluster.MessagesSent(1).Should().BeGreaterThan(100, "probes and acks flow all the time");
        foreach (var o in cluster.Running())
        {
            cluster.Members(o).Should().HaveCount(5).And.OnlyContain(m => m.Status == MemberStatus.Alive && m.Incarnation == 0);
        }
    }

    [Fact]
    public void An_indirect_probe_succeeds_when_the_direct_path_is_lost()
    {
        var cluster = Start(5);
        cluster.Simulation.Network.Partition([0], [3]);

        cluster.Simulation.RunFor(TimeSpan.FromMinutes(2));

        cluster.IndirectAcks(0).Should().BeGreaterThan(0, "node 0 reached node 3 through the others");
        Count(MemberEventKind.Dead).Should().Be(0);
        cluster.AllSee(3, MemberStatus.Alive, cluster.Running()).Should().BeTrue();
        cluster.AllSee(0, MemberStatus.Alive, cluster.Running()).Should().BeTrue();
    }

    [Fact]
    public void A_suspect_refutes_with_a_higher_incarnation()
    {
        var cluster = Start(5);
        var others = cluster.Running(3).ToArray();
        cluster.Simulation.Network.Partition([3], others);

        cluster.Simulation.RunUntil(() => Count(MemberEventKind.Suspect, cluster.NodeId(3)) > 0, Minute).Should().BeTrue();
        cluster.Simulation.Network.Heal();
        cluster.Simulation.RunUntil(() => others.All(o => cluster.View(o, 3) is { Status: MemberStatus.Alive, Incarnation: > 0 }), Minute)
            .Should().BeTrue("the suspect hears of the suspicion and announces itself alive at a higher incarnation");

        cluster.View(3, 3)!.Incarnation.Should().BeGreaterThan(0);
        Count(MemberEventKind.Dead).Should().Be(0);
    }

    [Fact]
    public void An_old_suspicion_with_a_lower_incarnation_is_ignored()
    {
        var cluster = Start(5);
        var self = cluster.View(3, 3)!;
        Inject(cluster, 1, self with { Status = MemberStatus.Suspect, Incarnation = 0 }); // raise it to 1 via refutation
        cluster.Simulation.RunUntil(() => cluster.View(1, 3) is { Status: MemberStatus.Alive, Incarnation: 1 }, Minute).Should().BeTrue();
        _events.Clear();

        Inject(cluster, 1, self with { Status = MemberStatus.Suspect, Incarnation = 0 });
        cluster.Simulation.RunFor(TimeSpan.FromSeconds(30));

        Count(MemberEventKind.Suspect).Should().Be(0, "a suspicion about incarnation 0 is older than the member's incarnation 1");
        cluster.AllSee(3, MemberStatus.Alive, cluster.Running()).Should().BeTrue();
    }

    [Fact]
    public void A_live_node_declared_dead_refutes_it()
    {
        var cluster = Start(5);
        Inject(cluster, 1, cluster.View(1, 3)! with { Status = MemberStatus.Dead });

        cluster.Simulation.RunUntil(() => Count(MemberEventKind.Dead, cluster.NodeId(3)) > 0, TimeSpan.FromSeconds(5)).Should().BeTrue();
        cluster.Simulation.RunUntil(() => cluster.Running().All(o => cluster.View(o, 3) is { Status: MemberStatus.Alive, Incarnation: > 0 }), Minute)
            .Should().BeTrue("node 3 hears it was declared dead and announces itself alive at a higher incarnation");
    }

    [Fact]
    public async Task A_graceful_leave_is_seen_by_all_at_once()
    {
        var cluster = Start(10);
        var leftAt = cluster.Simulation.Now;

        var leave = cluster.Leave(4);
        cluster.Simulation.RunUntil(() => cluster.AllSee(4, MemberStatus.Left, cluster.Running(4)), Minute).Should().BeTrue();

        (cluster.Simulation.Now - leftAt).Should().BeLessThan(TimeSpan.FromMilliseconds(100), "the leaver tells every live member directly");
        cluster.Simulation.RunUntil(() => leave.IsCompleted, Minute).Should().BeTrue();
        leave.IsCompletedSuccessfully.Should().BeTrue();
        (await leave).Should().Be(9, "every other member acknowledged the notice");
        Count(MemberEventKind.Dead).Should().Be(0);
    }

    [Fact]
    public void Push_pull_merges_both_sides_after_a_partition_heals()
    {
        var cluster = Start(10);
        int[] a = [0, 1, 2, 3, 4], b = [5, 6, 7, 8, 9];
        cluster.Simulation.Network.Partition(a, b);
        cluster.Simulation.RunUntil(() => b.All(x => cluster.AllSee(x, MemberStatus.Dead, a)), Minute).Should().BeTrue("each side declares the other dead");
        var late = cluster.Add(seeds: [0]); // joins side A while the partition lasts
        cluster.Simulation.RunUntil(() => cluster.AllSee(late, MemberStatus.Alive, a), Minute).Should().BeTrue();

        cluster.Simulation.Network.Heal();

        cluster.RunUntilConverged(11, TimeSpan.FromMinutes(5)).Should().BeTrue("anti-entropy exchanges repair both views");
    }

    [Fact]
    public void A_node_id_reused_after_a_crash_comes_back_at_its_new_address()
    {
        var cluster = Start(5);
        var oldAddress = cluster.Address(3);
        cluster.Node(3).Crash();
        cluster.Simulation.RunUntil(() => cluster.AllSee(3, MemberStatus.Dead, cluster.Running()), Minute).Should().BeTrue();

        cluster.Restart(3, newAddress: true);

        cluster.RunUntilConverged(5, Minute).Should().BeTrue();
        foreach (var o in cluster.Running())
        {
            cluster.View(o, 3)!.Address.Should().NotBe(oldAddress);
            cluster.View(o, 3)!.Incarnation.Should().BeGreaterThan(0, "the new life refutes the old life's death");
        }
    }

    [Fact]
    public void A_node_restarted_before_anyone_noticed_replaces_its_previous_life()
    {
        var cluster = Start(5);
        cluster.Restart(3, newAddress: true);

        cluster.Simulation.RunUntil(() => cluster.Running().All(o => cluster.View(o, 3) is { Status: MemberStatus.Alive } m && m.Address == cluster.Address(3)), Minute)
            .Should().BeTrue("an alive claim at the same incarnation from another address is refuted by a higher incarnation");
        Count(MemberEventKind.Dead).Should().Be(0);
    }

    [Fact]
    public void Five_percent_loss_for_ten_minutes_at_200_nodes_declares_nobody_dead()
    {
        var cluster = new SimulatedCluster(7, Lan, LinkProfile.Lan with { Loss = 0.05 });
        cluster.OnEvent = (observer, kind, member, at) => _events.Add((observer, kind, member.NodeId, at));
        cluster.AddAgreed(200);

        cluster.Simulation.RunFor(TimeSpan.FromMinutes(10));

        Count(MemberEventKind.Suspect).Should().BeGreaterThan(0, "5 % loss does cost some probes");
        Count(MemberEventKind.Dead).Should().Be(0);
        cluster.Running().Should().OnlyContain(o => cluster.Members(o).All(m => m.Status != MemberStatus.Dead));
    }

    [Fact]
    public void A_slow_node_does_not_get_healthy_nodes_declared_dead()
    {
        var cluster = Start(20);
        for (var t = 10; t < 280; t += 12)
        {
            cluster.Simulation.At(cluster.Simulation.Now + TimeSpan.FromSeconds(t), () => cluster.Node(5).Pause(TimeSpan.FromSeconds(3)));
        }

        cluster.Simulation.RunFor(TimeSpan.FromMinutes(5));

        Count(MemberEventKind.Suspect).Should().BeGreaterThan(0, "the stalls do cause suspicions");
        _events.Where(e => e.Kind == MemberEventKind.Dead && e.Subject != cluster.NodeId(5)).Should()
            .BeEmpty("a suspicion raised by the slow node alone gets no confirmations, so it runs to the long timeout and its target refutes it");
        cluster.Running().Should().OnlyContain(o => cluster.Members(o).All(m => m.Status == MemberStatus.Alive), "the stalls ended 20 s ago");
    }

    [Fact]
    public void An_asymmetric_partition_kills_nobody()
    {
        var cluster = Start(6);
        cluster.Simulation.Network.Partition([0], [3], oneWay: true); // 0 cannot reach 3; 3 still reaches 0

        cluster.Simulation.RunFor(TimeSpan.FromMinutes(3));

        Count(MemberEventKind.Dead).Should().Be(0);
        cluster.Running().Should().OnlyContain(o => cluster.Members(o).All(m => m.Status == MemberStatus.Alive));
    }

    [Fact]
    public void A_crashed_node_is_declared_dead_by_every_survivor()
    {
        var cluster = Start(10);
        cluster.Node(7).Crash();

        cluster.Simulation.RunUntil(() => cluster.AllSee(7, MemberStatus.Dead, cluster.Running()), Minute).Should().BeTrue();
        Count(MemberEventKind.Dead).Should().Be(9, "each survivor declares only node 7 dead, once");
    }

    [Fact]
    public void Tombstones_are_removed_after_the_gc_window()
    {
        var cluster = Start(4);
        cluster.Node(2).Crash();
        cluster.Simulation.RunUntil(() => cluster.AllSee(2, MemberStatus.Dead, cluster.Running()), Minute).Should().BeTrue();

        cluster.Simulation.RunUntil(() => cluster.Running().All(o => cluster.View(o, 2) is null), Lan.TombstoneTtl * 2).Should().BeTrue();
        Count(MemberEventKind.Removed, cluster.NodeId(2)).Should().Be(3);
    }

    [Fact]
    public void A_metadata_change_reaches_every_member()
    {
        var cluster = Start(8);
        var membership = cluster.Membership(2);
        var metadata = cluster.View(2, 2)!.Metadata with { Role = "worker", Zone = "z1" };

        var update = membership.UpdateMetadataAsync(metadata);
        cluster.Simulation.RunUntil(() => cluster.Running().All(o => cluster.View(o, 2)?.Metadata.Role == "worker"), TimeSpan.FromSeconds(10)).Should().BeTrue();

        update.IsCompletedSuccessfully.Should().BeTrue();
        Count(MemberEventKind.MetadataChanged, cluster.NodeId(2)).Should().Be(7);
    }

    [Fact]
    public void The_same_seed_replays_the_same_run()
    {
        static ulong Run(ulong seed)
        {
            var cluster = new SimulatedCluster(seed, Lan, LinkProfile.Lan with { Loss = 0.02 });
            for (var i = 0; i < 12; i++)
            {
                cluster.Add();
            }

            cluster.Simulation.At(TimeSpan.FromSeconds(20), () => cluster.Node(4).Crash());
            cluster.Simulation.RunFor(TimeSpan.FromSeconds(60));
            return cluster.Simulation.Trace.Value;
        }

        Run(11).Should().Be(Run(11));
        Run(11).Should().NotBe(Run(12));
    }

    private static void Inject(SimulatedCluster cluster, int to, Member claim)
    {
        var gossip = new SwimGossip();
        gossip.Updates.Add(MemberWire.FullRecord(claim, "injected"));
        var from = new PeerIdentity("injected", "sim", new NodeAddress("10.255.255.255", 1), 1);
        cluster.Membership(to).Deliver(new InboundMessage(from, gossip, null));
    }
}
