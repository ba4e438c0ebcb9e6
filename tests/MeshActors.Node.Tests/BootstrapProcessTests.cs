using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace MeshActors.Node.Tests;

/// <summary>
/// Cluster Bootstrap with real processes: five nodes started together, found only through a
/// dnsmasq SRV name whose targets are their mutual-TLS bootstrap endpoints, form exactly one
/// cluster — the lowest address forms it, the others join it — cold start after cold start.
/// </summary>
[Collection(ExclusiveProcessesCollection.Name)]
public sealed class BootstrapProcessTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int NodeCount = 5;
    private const int ColdStarts = 3;

    /// <summary>Generous: five .NET processes starting at once on two busy cores take a while.</summary>
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    private readonly BootstrapNodes _nodes = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _nodes.DisposeAsync();

    [Fact]
    public async Task Five_nodes_started_together_through_an_SRV_name_form_exactly_one_cluster_cold_start_after_cold_start()
    {
        for (var run = 1; run <= ColdStarts; run++)
        {
            // Starting five processes can take longer than 100 ms on a loaded machine; such a
            // launch does not test "started together", so launch again (a fresh cold start).
            for (var attempt = 1; attempt <= 5; attempt++)
            {
                await _nodes.LaunchAsync(NodeCount);
                if (_nodes.LaunchSpan < TimeSpan.FromMilliseconds(100))
                {
                    break;
                }

                output.WriteLine($"cold start {run}: launch {attempt} took {_nodes.LaunchSpan.TotalMilliseconds:0} ms to start every process; launching again");
            }

            try
            {
                _nodes.LaunchSpan.Should().BeLessThan(TimeSpan.FromMilliseconds(100), "the nodes must start together, so that none finds a cluster already formed");
                var took = await UntilOneClusterAsync(_nodes.Nodes, Deadline);

                var decisions = new Dictionary<string, string>();
                foreach (var node in _nodes.Nodes)
                {
                    decisions[node.Id] = (await node.Process.WaitForLineAsync(@"Join decided: (\w[\w-]*);", Deadline)).Groups[1].Value;
                }

                output.WriteLine($"cold start {run}: launched within {_nodes.LaunchSpan.TotalMilliseconds:0} ms; all {NodeCount} list the same {NodeCount} members up (waited {took.TotalSeconds:0.000} s); {string.Join(", ", decisions.Select(d => $"{d.Key} {d.Value}"))}");
                decisions.Values.Count(d => d == "formed").Should().Be(1, "exactly one node, the one with the lowest address, forms the cluster");
                decisions.Values.Count(d => d == "joined").Should().Be(NodeCount - 1, "every other node joins the cluster it formed");
                _nodes.Nodes.Should().OnlyContain(n => Regex.Matches(n.Process.Output, "Join decided: ").Count == 1, "a node decides how to join once");
                if (run == 1)
                {
                    // The default lease store (cluster) needs no set-up: the five agree on one global leader.
                    using var control = new NodeControl();
                    var leader = await LeaderAgreement.UntilAgreedAsync([.. _nodes.Nodes.Select(n => new LeaderAgreement.Reader(n.Id, path => control.GetAsync(n.ControlPort, path)))], "global", 0, Deadline);
                    output.WriteLine($"cold start {run}: all {NodeCount} name {leader.Leader} global leader with fencing token {leader.Token} (cluster lease store, the default)");
                }
            }
            catch
            {
                output.WriteLine($"cold start {run} failed; every node's output follows");
                output.WriteLine(await _nodes.OutputsAsync());
                throw;
            }
        }
    }

    /// <summary>
    /// Waits until every node lists the same <see cref="NodeCount"/> members, all up: one cluster,
    /// seen whole from each of its members. Returns the time since launch.
    /// </summary>
    internal static async Task<TimeSpan> UntilOneClusterAsync(IReadOnlyList<BootstrapNode> nodes, TimeSpan deadline)
    {
        using var control = new NodeControl();
        var expected = nodes.Select(n => n.Id).Order(StringComparer.Ordinal).ToList();
        var last = new Dictionary<string, string>();
        return await NodeControl.EventuallyAsync($"every node lists {string.Join(", ", expected)} up", deadline, async () =>
        {
            if (nodes.FirstOrDefault(n => n.Process.HasExited) is { } exited)
            {
                throw new InvalidOperationException($"{exited.Id} exited before the cluster formed");
            }

            var views = await Task.WhenAll(nodes.Select(async n => (n.Id, View: await ViewAsync(control, n.ControlPort))));
            foreach (var (id, view) in views)
            {
                last[id] = view is null ? "no answer" : string.Join(' ', view.Select(m => $"{m.Id}={m.Status}"));
            }

            return views.All(v => v.View is { } view && view.Select(m => m.Id).Order(StringComparer.Ordinal).SequenceEqual(expected) && view.All(m => m.Status == "up"));
        }, () => Task.FromResult(string.Join('\n', last.Select(l => $"{l.Key} lists: {l.Value}"))));
    }

    private static async Task<IReadOnlyList<(string Id, string Status)>?> ViewAsync(NodeControl control, int port) =>
        await control.GetAsync(port, "/control/members") is { } body
            ? [.. body.GetProperty("members").EnumerateArray().Select(m => (m.GetProperty("nodeId").GetString() ?? "", m.GetProperty("status").GetString() ?? ""))]
            : null;
}
