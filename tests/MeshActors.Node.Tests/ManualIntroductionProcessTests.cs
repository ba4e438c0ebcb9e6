using System.Text.Json;
using Xunit.Abstractions;

namespace MeshActors.Node.Tests;

/// <summary>
/// <c>meshctl peers add</c> with real processes: a node bootstrapping with a source that finds
/// nothing refuses an introduction whose key is wrong (exit 1, both keys shown, nothing
/// introduced, no join), joins the introduced node once the key is right, and says so in
/// <c>discovery explain</c> (joined, through the introduced endpoint, provider <c>manual</c>).
/// </summary>
[Collection(ExclusiveProcessesCollection.Name)]
public sealed class ManualIntroductionProcessTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);
    private readonly ContactPointNodes _nodes = new("intro-test");

    public void Dispose() => _nodes.Dispose();

    [Fact]
    public async Task A_node_waiting_in_bootstrap_refuses_a_wrong_key_and_joins_the_node_introduced_with_its_key()
    {
        var a = _nodes.Add("intro-a");
        var b = _nodes.Add("intro-b");
        _nodes.Start(a, ContactPointNodes.ContactPoints(a.BootstrapEndpoint), ContactPointNodes.MayFormAlone);
        // B's only source is a DNS name asked of a server that is not there: it bootstraps and finds nothing.
        _nodes.Start(b, "meshactors.discovery.dns.enabled=true", "meshactors.discovery.dns.host=\"nothing.invalid\"",
            $"meshactors.discovery.dns.port={_nodes.UnusedPort()}", $"meshactors.discovery.dns.server=\"127.0.0.1:{_nodes.UnusedPort()}\"");
        var steps = new List<string>();
        try
        {
            using var control = new NodeControl();
            await ContactPointNodes.UntilMembersAsync(control, [a], [a], Deadline);
            await ContactPointNodes.UntilDiscoveryAsync(control, b, "bootstrapping, a lookup done, no contact point but its own", Deadline, d =>
                Str(d, "mode") == "cluster-bootstrap" && Str(d, "outcome") is null && LookupAt(d) is not null && Others(d, b).Count == 0);

            // Bad input names the field and is not kept.
            var noPort = await Meshctl(steps, "peers", "add", "127.0.0.1", "--endpoint", b.ControlEndpoint);
            noPort.Exit.Should().Be(2, noPort.Output);
            noPort.Output.Should().Contain("address: \"127.0.0.1\" has no port");
            var badKey = await Meshctl(steps, "peers", "add", a.BootstrapEndpoint, "--fingerprint", "md5:abc", "--endpoint", b.ControlEndpoint);
            badKey.Exit.Should().Be(2, badKey.Output);
            badKey.Output.Should().Contain("fingerprint: \"md5:abc\" is not sha256:");
            var unknown = await Meshctl(steps, "peers", "remove", a.BootstrapEndpoint, "--endpoint", b.ControlEndpoint);
            unknown.Exit.Should().Be(1, unknown.Output);
            unknown.Output.Should().Contain("was not introduced");

            var wrong = await Meshctl(steps, "peers", "add", a.BootstrapEndpoint, "--fingerprint", b.Certificate.Fingerprint, "--endpoint", b.ControlEndpoint);
            var refusedAt = DateTimeOffset.UtcNow;
            wrong.Exit.Should().Be(1, "a peer presenting another key than the one given is refused: " + wrong.Output);
            wrong.Output.Should().Contain($"expected: {b.Certificate.Fingerprint}").And.Contain($"actual:   {a.Certificate.Fingerprint}", "both keys are shown");
            (await Meshctl(steps, "peers", "list", "--endpoint", b.ControlEndpoint)).Output.Should().Contain("no introductions", "a refused introduction is not kept");

            // B looks up its contact points again after the refusal and still has none: it stays out.
            var after = await ContactPointNodes.UntilDiscoveryAsync(control, b, "a lookup after the refused introduction", Deadline, d => LookupAt(d) > refusedAt);
            Others(after, b).Should().BeEmpty("the refused peer is not probed: " + after.GetRawText());
            Str(after, "outcome").Should().BeNull("B has not joined anything");
            (await a.MembersAsync(control)).Should().Equal(["intro-a=up"], "B is not a member of A's cluster");

            var right = await Meshctl(steps, "peers", "add", a.BootstrapEndpoint, "--fingerprint", a.Certificate.Fingerprint, "--endpoint", b.ControlEndpoint);
            right.Exit.Should().Be(0, right.Output);
            right.Output.Should().Contain($"introduced {a.BootstrapEndpoint} (key {a.Certificate.Fingerprint} checked)");
            var joined = await ContactPointNodes.UntilMembersAsync(control, [a, b], [a, b], Deadline);
            output.WriteLine($"both list intro-a and intro-b up {joined.TotalSeconds:0.0} s after the introduction");

            var explain = (await b.ExplainAsync(control))!.Value;
            Str(explain, "outcome").Should().Be("joined", explain.GetRawText());
            explain.GetProperty("via").EnumerateArray().Should().ContainSingle(v => Str(v, "endpoint") == a.BootstrapEndpoint, explain.GetRawText())
                .Which.Should().Match<JsonElement>(v => Str(v, "provider") == "manual" && Str(v, "nodeId") == a.Id && Str(v, "selfNode") == a.Address, explain.GetRawText());
            var explained = await Meshctl(steps, "discovery", "explain", "--endpoint", b.ControlEndpoint);
            explained.Exit.Should().Be(0, explained.Output);
            explained.Output.Should().Contain("JOINED at").And.Contain($"via {a.BootstrapEndpoint} ({a.Id}, {a.Address}): provider manual");

            var listed = await Meshctl(steps, "peers", "list", "--endpoint", b.ControlEndpoint);
            listed.Output.Should().Contain($"{a.BootstrapEndpoint}  {a.Certificate.Fingerprint}");
            var removed = await Meshctl(steps, "peers", "remove", a.BootstrapEndpoint, "--endpoint", b.ControlEndpoint);
            removed.Exit.Should().Be(0, removed.Output);
            removed.Output.Should().Contain($"forgot {a.BootstrapEndpoint}");
            var gone = await Meshctl(steps, "peers", "list", "--endpoint", b.ControlEndpoint);
            gone.Exit.Should().Be(0, gone.Output);
            gone.Output.Should().NotContain(a.BootstrapEndpoint).And.Contain("no introductions");
        }
        catch
        {
            output.WriteLine("failed; meshctl runs so far, then every node's output:\n" + string.Join('\n', steps));
            output.WriteLine(await _nodes.OutputsAsync());
            throw;
        }
    }

    private static async Task<(int Exit, string Output)> Meshctl(List<string> steps, params string[] args)
    {
        var result = await MeshctlProcess.RunAsync(args);
        steps.Add($"$ meshctl {string.Join(' ', args)}  → exit {result.Exit}\n{result.Output}");
        return result;
    }

    /// <summary>The contact points <paramref name="node"/> probed other than itself (the tiered method lists a node's own endpoint).</summary>
    private static List<string?> Others(JsonElement d, ContactPointNode node) =>
        [.. d.GetProperty("contactPoints").EnumerateArray().Select(c => Str(c, "endpoint")).Where(e => e != node.BootstrapEndpoint)];

    private static DateTimeOffset? LookupAt(JsonElement d) =>
        d.GetProperty("lastLookup") is { ValueKind: JsonValueKind.Object } l ? l.GetProperty("at").GetDateTimeOffset() : null;

    private static string? Str(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
