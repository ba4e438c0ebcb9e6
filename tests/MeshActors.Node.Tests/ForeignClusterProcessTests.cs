using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace MeshActors.Node.Tests;

/// <summary>
/// Two clusters with one id, with real processes: nodes 1 and 2 form one, node 3 forms another
/// alone. Once node 3 is introduced to node 1 (<c>meshctl peers add</c>; node 1 is a member, so
/// this only feeds the split check), node 1 reports node 3's cluster in <c>/control/discovery</c>,
/// <c>meshctl discovery</c>, <c>meshactors_discovery_foreign_members</c> and its log — and the two
/// clusters never merge, split check after split check.
/// </summary>
[Collection(ExclusiveProcessesCollection.Name)]
public sealed class ForeignClusterProcessTests(ITestOutputHelper output) : IDisposable
{
    private const int ChecksWatched = 3;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);
    private readonly ContactPointNodes _nodes = new("split-test");

    public void Dispose() => _nodes.Dispose();

    [Fact]
    public async Task A_second_cluster_with_the_same_id_is_reported_by_the_split_check_and_never_merged()
    {
        var (one, two, three) = (_nodes.Add("split-1"), _nodes.Add("split-2"), _nodes.Add("split-3"));
        var pair = ContactPointNodes.ContactPoints(one.BootstrapEndpoint, two.BootstrapEndpoint);
        _nodes.Start(one, pair);
        _nodes.Start(two, pair);
        _nodes.Start(three, ContactPointNodes.ContactPoints(three.BootstrapEndpoint), ContactPointNodes.MayFormAlone);
        var steps = new List<string>();
        try
        {
            using var control = new NodeControl();
            await ContactPointNodes.UntilMembersAsync(control, [one, two], [one, two], Deadline);
            await ContactPointNodes.UntilMembersAsync(control, [three], [three], Deadline);
            var before = await ContactPointNodes.UntilDiscoveryAsync(control, one, "a split check ran", Deadline, d => SplitCheckAt(d) is not null);
            before.GetProperty("foreignClusters").GetArrayLength().Should().Be(0, "node 1's contact points are its own cluster's: " + before.GetRawText());

            var introduced = await Meshctl(steps, "peers", "add", three.BootstrapEndpoint, "--fingerprint", three.Certificate.Fingerprint, "--endpoint", one.ControlEndpoint);
            introduced.Exit.Should().Be(0, introduced.Output);
            introduced.Output.Should().Contain("the introduction serves the split check", "node 1 is a member already");

            var found = await ContactPointNodes.UntilDiscoveryAsync(control, one, $"reports {three.BootstrapEndpoint} as another cluster", Deadline,
                d => d.GetProperty("foreignClusters").EnumerateArray().Any(f => f.GetProperty("contactPoint").GetString() == three.BootstrapEndpoint));
            var foreign = found.GetProperty("foreignClusters").EnumerateArray().Should().ContainSingle(found.GetRawText()).Subject;
            foreign.GetProperty("selfNode").GetString().Should().Be(three.Address, found.GetRawText());
            foreign.GetProperty("members").EnumerateArray().Select(m => m.GetString()).Should().Equal([three.Address], found.GetRawText());
            (await one.GaugeAsync("meshactors_discovery_foreign_members")).Should().Be(1, "node 3's cluster has one member");

            // Watch several more split checks: node 1 keeps reporting node 3, and the member
            // lists stay {1, 2} and {3} at every look (a merge fails the wait at once).
            var watchedFrom = SplitCheckAt(found)!.Value;
            var checks = new HashSet<DateTimeOffset>();
            JsonElement? last = null;
            await NodeControl.EventuallyAsync($"{ChecksWatched} more split checks on split-1", Deadline, async () =>
            {
                await ExpectMembersAsync(control, one, [one, two]);
                await ExpectMembersAsync(control, two, [one, two]);
                await ExpectMembersAsync(control, three, [three]);
                last = await one.DiscoveryAsync(control);
                if (last is { } d && SplitCheckAt(d) is { } at && at > watchedFrom)
                {
                    d.GetProperty("foreignClusters").EnumerateArray().Select(f => f.GetProperty("contactPoint").GetString())
                        .Should().Equal([three.BootstrapEndpoint], "the report holds at every check: " + d.GetRawText());
                    checks.Add(at);
                }

                return checks.Count >= ChecksWatched;
            }, () => Task.FromResult($"split-1's last /control/discovery: {last?.GetRawText() ?? "no answer"}"));
            (await one.GaugeAsync("meshactors_discovery_foreign_members")).Should().Be(1);
            Regex.Matches(one.Process.Output, "Another cluster with this id").Should().ContainSingle("the foreign node is logged once, not at every check");
            one.Process.Output.Should().Contain($"Another cluster with this id (split-test) answers at {three.BootstrapEndpoint}: its 1 member(s) [{three.Address}]");

            var shown = await Meshctl(steps, "discovery", "--endpoint", one.ControlEndpoint);
            shown.Exit.Should().Be(0, shown.Output);
            shown.Output.Should().Contain("ANOTHER CLUSTER WITH THIS ID").And.Contain($"{three.BootstrapEndpoint}: {three.Address} with 1 member(s)");
            output.WriteLine($"split-1 reported {three.Address} through {checks.Count} split checks; the clusters stayed {{split-1, split-2}} and {{split-3}}");
        }
        catch
        {
            output.WriteLine("failed; meshctl runs so far, then every node's output:\n" + string.Join('\n', steps));
            output.WriteLine(await _nodes.OutputsAsync());
            throw;
        }
    }

    /// <summary>Fails at once unless <paramref name="node"/> lists exactly <paramref name="members"/>, all up.</summary>
    private static async Task ExpectMembersAsync(NodeControl control, ContactPointNode node, ContactPointNode[] members)
    {
        var view = await node.MembersAsync(control);
        view.Should().NotBeNull($"{node.Id} answers");
        view!.Order(StringComparer.Ordinal).Should().Equal(members.Select(m => $"{m.Id}=up").Order(StringComparer.Ordinal), $"the two clusters never merge ({node.Id}'s list)");
    }

    private static async Task<(int Exit, string Output)> Meshctl(List<string> steps, params string[] args)
    {
        var result = await MeshctlProcess.RunAsync(args);
        steps.Add($"$ meshctl {string.Join(' ', args)}  → exit {result.Exit}\n{result.Output}");
        return result;
    }

    private static DateTimeOffset? SplitCheckAt(JsonElement d) =>
        d.GetProperty("lastSplitCheck") is { ValueKind: JsonValueKind.String } at ? at.GetDateTimeOffset() : null;
}
