using System.Collections.Immutable;
using System.Diagnostics;
using Akka.Actor;
using Akka.Configuration;
using Akka.Hosting;
using MeshActors.Security;
using MeshActors.Tests.Hosting;
using MeshActors.Views.Overlay;
using MeshActors.Views.Wire;
using Xunit.Abstractions;

namespace MeshActors.Tests.Views.Overlay;

/// <summary>
/// Seven hosts in one process, over Akka.Remote with mutual TLS, each with its view manager: the
/// active views fill to the target, stay within [low, high], are symmetric, and heal after two
/// hosts stop; and a peer that floods peer exchange or sends an oversized answer is refused and
/// counted without hurting the node.
/// </summary>
public sealed class OverlayEmbeddedTests(ITestOutputHelper output) : EmbeddedClusterTest
{
    private const int Count = 7;

    [Fact]
    public async Task Views_fill_to_the_target_stay_symmetric_and_heal_after_two_hosts_stop()
    {
        await StartAsync(Count);
        var clock = Stopwatch.StartNew();
        await Until(() => $"every node has 4 to 6 active neighbours, symmetric; now {Describe(Nodes)}", () => Settled(Nodes));
        output.WriteLine($"settled after {clock.Elapsed.TotalSeconds:0.0} s: {Describe(Nodes)}");
        await Until("every node knows every other node, in its active or its passive view (peer exchange and shuffles)", () =>
            Nodes.All(n => n.Mesh.Views.Current!.Active.Count + n.Mesh.Views.Current.Passive.Count == Count - 1));

        var stopped = Nodes.Skip(Count - 2).ToList();
        foreach (var node in stopped)
        {
            await node.System.Terminate(); // no leave: the links break as in a crash
        }

        var survivors = Nodes.Take(Count - 2).ToList();
        clock.Restart();
        await Until(() => $"every survivor's active view holds only survivors, at least 4, symmetric; now {Describe(survivors)}", () =>
            Settled(survivors) && survivors.All(n => n.Mesh.Views.Current!.Active.All(p => survivors.Any(s => s.Mesh.NodeId == p.NodeId))));
        output.WriteLine($"healed {clock.Elapsed.TotalSeconds:0.0} s after two hosts stopped: {Describe(survivors)}");
    }

    [Fact]
    public async Task A_peer_exchange_flood_and_an_oversized_answer_are_refused_and_counted()
    {
        await StartAsync(2);
        await Until("the two nodes are neighbours", () => Nodes.All(n => n.Mesh.Views.Current?.Active.Count == 1));
        var (target, attacker) = (Nodes[0], Nodes[1]);
        var from = attacker.Mesh.Views.Current!.Self;
        var views = attacker.System.ActorSelection(target.Mesh.Views.Current!.Self.Address + "/user/mesh/views");
        var inbox = Inbox.Create(attacker.System);
        for (var i = 0; i < 50; i++)
        {
            views.Tell(new PexRequest(from, 16), inbox.Receiver);
        }

        var answers = Enumerable.Range(0, 50).Select(_ => (PexResponse)inbox.Receive(TimeSpan.FromSeconds(10))).ToList();
        answers.Count(a => !a.Refused).Should().BeLessThanOrEqualTo(2, "one requester is answered after a burst of two, then once per pex.min-interval");
        answers.Count(a => a.Refused).Should().BeGreaterThanOrEqualTo(48);
        answers.Should().OnlyContain(a => a.Peers.Length <= 16);

        var flood = Enumerable.Range(0, 64).Select(i => new PexEntry($"fake-{i}", $"akka.ssl.tcp://{EmbeddedNode.Cluster}@10.9.{i}.1:4053", 0, 0)).ToImmutableArray();
        views.Tell(new PexResponse(from, flood, Refused: false), inbox.Receiver);
        await Until("the oversized answer is counted", () => Metric(target, "meshactors_overlay_pex_entries_refused_total{reason=\"oversized\"}") >= 1);
        target.Mesh.Views.Current!.Passive.Should().NotContain(p => p.NodeId.StartsWith("fake-"), "nothing from a refused answer enters a view");
        Metric(target, "meshactors_overlay_pex_requests_total{outcome=\"refused\"}").Should().BeGreaterThanOrEqualTo(48);
    }

    [Fact]
    public async Task A_peer_reported_misbehaving_three_times_is_pruned_banned_and_leaves_both_views()
    {
        await StartAsync(2);
        await Until("the two nodes are neighbours", () => Nodes.All(n => n.Mesh.Views.Current?.Active.Count == 1));
        var (judge, culprit) = (Nodes[0], Nodes[1]);
        var peer = culprit.Mesh.Views.Current!.Self;
        var views = judge.System.ActorSelection("/user/mesh/views");
        for (var i = 0; i < 3; i++)
        {
            views.Tell(new OverlayPeerMisbehaved(peer, "a forged event signature"));
        }

        await Until("the culprit is banned and gone from both views", () =>
            judge.Mesh.Views.Current!.Banned.Any(b => b.NodeId == peer.NodeId && b.Reason == "a forged event signature")
            && judge.Mesh.Views.Current.Active.Concat(judge.Mesh.Views.Current.Passive).All(p => p.NodeId != peer.NodeId));
        Metric(judge, "meshactors_overlay_bans_total").Should().Be(1);
        Metric(judge, "meshactors_overlay_prunes_total{reason=\"score\"}").Should().Be(1);
    }

    [Fact]
    public async Task At_most_max_per_subnet_peers_of_one_range_are_active()
    {
        await StartAsync(3, "meshactors.overlay { max-per-subnet = 1, subnet-exempt = [] }");
        var most = 0;
        await Until("a pair links, the third node's attempts are refused and counted, and no node ever holds two", () =>
        {
            most = Math.Max(most, Nodes.Max(n => n.Mesh.Views.Current?.Active.Count ?? 0));
            return Nodes.Count(n => n.Mesh.Views.Current?.Active.Count == 1) >= 2
                && Nodes.Sum(n => Metric(n, "meshactors_overlay_inbound_refused_total{reason=\"subnet\"}") + Metric(n, "meshactors_overlay_prunes_total{reason=\"subnet\"}")) > 0;
        });
        most.Should().Be(1, "all three are in 127.0.0.0/24, which is not exempt here, so a node holds one of them at most");
    }

    private async Task StartAsync(int count, string? extraHocon = null)
    {
        using var ca = CertificateAuthority.Create(EmbeddedNode.Cluster, TimeProvider.System, TimeSpan.FromDays(1));
        var ports = Enumerable.Range(0, count).Select(_ => EmbeddedNode.FreePort()).ToList();
        for (var i = 0; i < count; i++)
        {
            var id = $"overlay-{i + 1}";
            Nodes.Add(await EmbeddedNode.StartAsync(id, ports[i], ports[0], EmbeddedNode.TlsHocon(ca, Dir, id), Path.Combine(Dir, "d" + i), akka =>
            {
                App(akka);
                if (extraHocon is not null)
                {
                    akka.AddHocon(ConfigurationFactory.ParseString(extraHocon), HoconAddMode.Prepend);
                }
            }));
        }
    }

    private static async Task Until(Func<string> what, Func<bool> condition)
    {
        try
        {
            await Until("the condition below", condition);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new TimeoutException(what(), e);
        }
    }

    private static bool Settled(IReadOnlyList<EmbeddedNode> nodes)
    {
        var views = nodes.Select(n => n.Mesh.Views.Current).ToList();
        if (views.Any(v => v is null))
        {
            return false;
        }

        var low = Math.Min(4, nodes.Count - 1);
        return views.All(v => v!.Active.Count >= low && v.Active.Count <= 10)
            && views.All(v => v!.Active.All(p => views.First(o => o!.Self.NodeId == p.NodeId)?.Active.Any(q => q.NodeId == v.Self.NodeId) ?? false));
    }

    private static string Describe(IEnumerable<EmbeddedNode> nodes) =>
        string.Join("; ", nodes.Select(n => $"{n.Mesh.NodeId}: [{string.Join(",", n.Mesh.Views.Current?.Active.Select(p => p.NodeId) ?? [])}] passive {n.Mesh.Views.Current?.Passive.Count}"));

    private static double Metric(EmbeddedNode node, string series)
    {
        using var stream = new MemoryStream();
        node.Mesh.Metrics.Registry.CollectAndExportAsTextAsync(stream).GetAwaiter().GetResult();
        var line = System.Text.Encoding.UTF8.GetString(stream.ToArray()).Split('\n').FirstOrDefault(l => l.StartsWith(series + " ", StringComparison.Ordinal));
        return line is null ? 0 : double.Parse(line[(series.Length + 1)..], System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void App(AkkaConfigurationBuilder akka) => akka.AddHocon(ConfigurationFactory.ParseString("""
        meshactors.overlay { shuffle-period = 1s, ping-interval = 250ms, ping-timeout = 1s, join-retry = 500ms }
        """), HoconAddMode.Prepend);
}
