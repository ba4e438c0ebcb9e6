using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace MeshActors.Node.Tests;

/// <summary>
/// The peer cache with real processes: three nodes form a cluster through static contact points;
/// the split check remembers the other two in node 3's peer cache; node 3 leaves (SIGTERM) and
/// starts again with the same data folder but a contact point where nothing answers (every
/// configured seed gone), and rejoins through the peers its cache offers.
/// </summary>
[Collection(ExclusiveProcessesCollection.Name)]
public sealed class PeerCacheRejoinProcessTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);
    private readonly ContactPointNodes _nodes = new("cache-test");

    public void Dispose() => _nodes.Dispose();

    [Fact]
    public async Task A_node_restarted_with_every_seed_gone_rejoins_through_its_peer_cache()
    {
        ContactPointNode[] all = [_nodes.Add("cache-1"), _nodes.Add("cache-2"), _nodes.Add("cache-3")];
        var (one, two, three) = (all[0], all[1], all[2]);
        var seeds = ContactPointNodes.ContactPoints([.. all.Select(n => n.BootstrapEndpoint)]);
        foreach (var node in all)
        {
            _nodes.Start(node, seeds);
        }

        try
        {
            using var control = new NodeControl();
            var formed = await ContactPointNodes.UntilMembersAsync(control, all, all, Deadline);
            output.WriteLine($"three nodes list each other up after {formed.TotalSeconds:0.0} s");
            var cached = await ContactPointNodes.UntilDiscoveryAsync(control, three, "its peer-cache provider offers cache-1 and cache-2", Deadline,
                d => PeerCacheTargets(d) is var targets && targets.Contains(one.BootstrapEndpoint) && targets.Contains(two.BootstrapEndpoint));
            PeerCacheTargets(cached).Should().NotContain(three.BootstrapEndpoint, "a node does not offer itself");

            (await three.StopAsync(Deadline)).Should().Be(0, "SIGTERM is a graceful leave");
            await ContactPointNodes.UntilMembersAsync(control, [one, two], [one, two], Deadline);

            var nowhere = $"127.0.0.1:{_nodes.UnusedPort()}";
            _nodes.Start(three, ContactPointNodes.ContactPoints(nowhere));
            var rejoined = await ContactPointNodes.UntilMembersAsync(control, all, all, Deadline);
            output.WriteLine($"cache-3, restarted with only {nowhere} configured, is up in all three lists after {rejoined.TotalSeconds:0.0} s");

            var explain = (await three.ExplainAsync(control))!.Value;
            var account = explain.GetRawText();
            explain.GetProperty("outcome").GetString().Should().Be("joined", account);
            var via = explain.GetProperty("via").EnumerateArray().ToList();
            via.Should().NotBeEmpty(account);
            via.Should().OnlyContain(v => v.GetProperty("provider").GetString() == "peer-cache", "only the peer cache knew a live member: " + account);
            via.Select(v => v.GetProperty("endpoint").GetString()).Should().BeSubsetOf([one.BootstrapEndpoint, two.BootstrapEndpoint], account);
            Regex.Matches(three.Process.Output, "Join decided: joined;").Should().ContainSingle("the restarted node decides once, and joins");
        }
        catch
        {
            output.WriteLine("failed; every node's output follows");
            output.WriteLine(await _nodes.OutputsAsync());
            throw;
        }
    }

    /// <summary>The addresses the <c>peer-cache</c> provider offers, as <c>/control/discovery</c> lists them.</summary>
    private static List<string> PeerCacheTargets(JsonElement discovery) =>
        [.. discovery.GetProperty("providers").EnumerateArray()
            .Where(p => p.GetProperty("name").GetString() == "peer-cache")
            .SelectMany(p => p.GetProperty("targets").EnumerateArray())
            .Select(t => t.GetProperty("address").GetString() ?? "")];
}
