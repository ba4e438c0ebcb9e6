using System.Diagnostics;
using System.Text.Json;
using Xunit.Abstractions;

namespace MeshActors.Node.Tests;

/// <summary>
/// Leaders with real processes: three nodes elect a global leader and a leader of scope <c>eu</c>
/// through the lease store under test: one SQLite file all three name (the store every process on a
/// host shares), or the default cluster store (an arbiter singleton; when the killed leader also
/// hosted the arbiter, failover waits for Akka to down it and move the singleton, plus max-ttl). Killing
/// the global leader with SIGKILL (no release, no goodbye) must give every survivor a new leader
/// with a higher fencing token; a graceful stop releases the lease, so the next leader follows
/// within a few retry intervals instead of after expiry.
/// </summary>
[Collection(ExclusiveProcessesCollection.Name)]
public sealed class LeaderProcessTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);
    private readonly ContactPointNodes _nodes = new("leaders-test");
    private readonly string _leases = Path.Combine(Directory.CreateTempSubdirectory("meshactors-leases-").FullName, "leases.db");

    public void Dispose()
    {
        _nodes.Dispose();
        Directory.Delete(Path.GetDirectoryName(_leases)!, recursive: true);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("cluster")]
    public async Task Killing_the_leader_gives_every_survivor_a_new_leader_with_a_higher_token_and_a_graceful_stop_hands_over_at_once(string store)
    {
        ContactPointNode[] all = [_nodes.Add("lead-1"), _nodes.Add("lead-2"), _nodes.Add("lead-3")];
        string[] settings =
        [
            ContactPointNodes.ContactPoints([.. all.Select(n => n.BootstrapEndpoint)]),
            $"meshactors.leadership.lease.store={store}",
            $"meshactors.leadership.stores.sqlite.file=\"{_leases}\"",
            "meshactors.leadership.scopes=[eu]",
        ];
        foreach (var node in all)
        {
            _nodes.Start(node, settings);
        }

        try
        {
            using var control = new NodeControl();
            await ContactPointNodes.UntilMembersAsync(control, all, all, Deadline);
            var first = await UntilAgreedAsync(control, all, "global", after: 0);
            var eu = await UntilAgreedAsync(control, all, "eu", after: 0);
            output.WriteLine($"global: {first.Leader} token {first.Token}; eu: {eu.Leader} token {eu.Token}");

            var table = await MeshctlProcess.RequireAsync(["leaders", "--endpoint", all[0].ControlEndpoint]);
            table.Should().Contain("global").And.Contain("eu").And.Contain(first.Leader).And.Contain(first.Token.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var (exit, unknown) = await MeshctlProcess.RunAsync(["leaders", "--scope", "nowhere", "--endpoint", all[0].ControlEndpoint]);
            exit.Should().Be(1);
            unknown.Should().Contain("scope 'nowhere' is not elected").And.Contain("eu, global");

            var victim = all.Single(n => n.Id == first.Leader);
            var survivors = all.Where(n => n != victim).ToArray();
            var clock = Stopwatch.StartNew();
            victim.Process.Crash();
            var second = await UntilAgreedAsync(control, survivors, "global", after: first.Token);
            output.WriteLine($"after SIGKILL of {victim.Id}: {second.Leader} with token {second.Token} on both survivors after {clock.Elapsed.TotalSeconds:0.00} s");
            second.Leader.Should().NotBe(victim.Id);
            second.Token.Should().BeGreaterThan(first.Token);

            var successor = survivors.Single(n => n.Id == second.Leader);
            var last = survivors.Single(n => n != successor);
            clock.Restart();
            successor.Process.Terminate();
            var third = await UntilAgreedAsync(control, [last], "global", after: second.Token);
            output.WriteLine($"after SIGTERM of {successor.Id}: {third.Leader} with token {third.Token} after {clock.Elapsed.TotalSeconds:0.00} s");
            third.Leader.Should().Be(last.Id);
            (await successor.Process.WaitForExitAsync(Deadline)).Should().Be(0, "SIGTERM is a graceful leave");
            third.Token.Should().Be(second.Token + 1, "the leaving leader released its term and never took the lease again");
            successor.Process.Output.Should().Contain("stepped down as leader of global", "a leaving leader releases its lease");
        }
        catch
        {
            output.WriteLine("failed; every node's output follows");
            output.WriteLine(await _nodes.OutputsAsync());
            throw;
        }
    }

    private static Task<(string Leader, long Token)> UntilAgreedAsync(NodeControl control, IReadOnlyList<ContactPointNode> nodes, string scope, long after) =>
        LeaderAgreement.UntilAgreedAsync([.. nodes.Select(n => new LeaderAgreement.Reader(n.Id, path => control.GetAsync(n.ControlPort, path)))], scope, after, Deadline);
}
