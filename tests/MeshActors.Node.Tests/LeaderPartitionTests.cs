using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using MeshActors.Tests.Leadership;
using Xunit.Abstractions;

namespace MeshActors.Node.Tests;

/// <summary>
/// Issue 12's partition, with real processes on a real network: three nodes, each in a network
/// namespace of its own on one bridge, elect a global leader through a PostgreSQL lease store that
/// runs in the bridge's hub namespace. The test then drops every packet in and out of the leader's
/// link, so it reaches neither its peers nor the store. The old leader must step down (log 8004) at an
/// instant strictly before the new leader acts (logs 8003) — both read from the log lines' wall-clock
/// prefixes, one machine and one clock — and must never lead again while cut off (the split-brain
/// resolver then downs it as the minority, and its process ends). After the link is healed and the old
/// node started again, the new leader keeps its term: the old node sees it and does not take it back.
/// </summary>
[Collection(ExclusiveProcessesCollection.Name)]
public sealed class LeaderPartitionTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Cluster = "partition-test";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan Term = TimeSpan.FromSeconds(2); // lease.heartbeat-timeout's default

    /// <summary>Longer than the lan profile's failure detector takes to mark a silent member unreachable
    /// (acceptable-heartbeat-pause 1.5 s plus Akka's 1 s for a first heartbeat and a reaper tick).</summary>
    private static readonly TimeSpan HealthyFor = TimeSpan.FromSeconds(4);

    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("meshactors-partition-");
    private readonly List<NamespaceNode> _nodes = [];
    private BridgedHosts? _network;
    private TlsTestPki? _pki;
    private PostgresServer? _postgres;

    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>Processes first (they live in the namespaces), then the database, then the namespaces.</summary>
    public async Task DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            node.Dispose();
        }

        try
        {
            if (_postgres is not null)
            {
                await _postgres.DisposeAsync();
            }
        }
        finally
        {
            _network?.Dispose();
            _pki?.Dispose();
            _dir.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_leader_cut_off_from_its_peers_and_the_store_steps_down_before_the_new_leader_acts_and_never_leads_while_cut_off()
    {
        _network = new BridgedHosts();
        _postgres = new PostgresServer { NetworkNamespace = _network.HubNamespace, ListenAddress = _network.HubAddress.ToString() };
        await _postgres.InitializeAsync();
        _pki = new TlsTestPki(Cluster);
        for (var i = 1; i <= 3; i++)
        {
            var host = _network.AddHost();
            var id = $"part-{i}";
            _nodes.Add(new NamespaceNode(id, host, _pki.Issue(id, Cluster, _pki.CaA, ipAddresses: [host.Address]), Path.Combine(_dir.FullName, id)));
        }

        string[] settings =
        [
            // Every node is a seed, so a node started again joins the others instead of forming a cluster alone.
            $"meshactors.discovery.static.seeds=[{string.Join(", ", _nodes.Select(n => $"\"{n.RemotingEndpoint}\""))}]",
            "meshactors.membership.profile=lan",
            "meshactors.leadership.lease.store=postgres",
            $"meshactors.leadership.stores.postgres.connection-string=\"{_postgres.ConnectionString}\"",
        ];
        try
        {
            // One at a time: three runtimes starting at once on a small, busy machine can miss Akka.Remote's
            // 5 s handshake timeout, leaving a pair of nodes without a link before the test cuts anything.
            for (var i = 0; i < _nodes.Count; i++)
            {
                _nodes[i].Start(Cluster, settings);
                await UntilMembersAsync(_nodes[..(i + 1)], _nodes[..(i + 1)], stableFor: TimeSpan.Zero);
            }

            // Cut only a healthy cluster: every node hears every other for longer than the failure detector
            // needs to notice a silent link; otherwise a link that never came up fails beside the cut, each
            // survivor sees two of three unreachable, and the split-brain resolver downs everyone.
            await UntilMembersAsync(_nodes, _nodes, stableFor: HealthyFor);
            var first = await UntilAgreedAsync(_nodes, after: 0);
            var victim = _nodes.Single(n => n.Id == first.Leader);
            var survivors = _nodes.Where(n => n != victim).ToArray();
            await victim.Process.WaitForLineAsync(Acquired(victim, first.Token), Deadline);
            output.WriteLine($"{victim.Id} leads global with token {first.Token}; cutting {victim.Host.Address} off at {Now()}");

            var linesBefore = victim.Process.LineCount;
            BridgedHosts.Isolate(victim.Host);
            var stepped = await victim.Process.WaitForLineAsync(SteppedDown(victim, first.Token), Deadline, skip: linesBefore);
            await AssertNotLeadingAsync(victim, first.Token);
            var second = await UntilAgreedAsync(survivors, after: first.Token);
            second.Leader.Should().NotBe(victim.Id);
            var successor = survivors.Single(n => n.Id == second.Leader);

            var acted = await successor.Process.WaitForLineAsync(Acquired(successor, second.Token), Deadline);
            var gap = TimeOfDay(acted) - TimeOfDay(stepped);
            if (gap < -TimeSpan.FromHours(12))
            {
                gap += TimeSpan.FromDays(1); // the two lines straddle midnight
            }

            output.WriteLine($"old leader: {stepped.Value}");
            output.WriteLine($"new leader: {acted.Value}");
            output.WriteLine($"gap: {victim.Id} stepped down {gap.TotalMilliseconds:0} ms before {successor.Id} acted (token {first.Token} -> {second.Token})");
            gap.Should().BePositive("the old leader must stop acting strictly before the new leader starts");

            // Cut off from both peers, the old leader is the minority of the split-brain resolver
            // (keep-majority): it downs itself and its process ends, never having led again.
            var exit = await victim.Process.WaitForExitAsync(Deadline);
            output.WriteLine($"{victim.Id} exited ({exit}) at {Now()}, downed as the minority while cut off");
            AssertNoNewTerm(victim, linesBefore, "while cut off");

            // Heal and start the old node again, as an orchestrator would: it rejoins, reads the store,
            // finds the new leader's live term and leaves it alone. Wait until it has seen a renewal made
            // at least one term after it was Up again, so it had many retry intervals in which to try.
            BridgedHosts.Heal(victim.Host);
            victim.Start(Cluster, settings);
            await UntilMembersAsync(_nodes, _nodes, stableFor: TimeSpan.Zero);
            await UntilLeaderSeenAsync(victim, second, renewedAfter: DateTimeOffset.Now + Term);
            AssertNoNewTerm(victim, 0, "after it came back");
            var third = await UntilAgreedAsync(_nodes, after: 0);
            third.Should().Be(second, "the new leader keeps its term after the old one is back");
            output.WriteLine($"{victim.Id} is back at {Now()} and follows {second.Leader}, who still holds token {second.Token}");
        }
        catch
        {
            output.WriteLine("failed; every node's output follows");
            foreach (var node in _nodes)
            {
                output.WriteLine(node.Output);
            }

            throw;
        }
    }

    /// <summary>
    /// The old leader, asked from inside its own namespace right after it stepped down: it reports that it
    /// does not lead, and its view of the store (which it can no longer read) names no term of its own but
    /// the old one. That term still runs for up to clock-skew-margin by the store's clock — the node gave up
    /// before the store could expire it — so the test then waits until the view shows no live term of its
    /// own, still not leading. A node that does not answer on its own loopback (which the partition leaves
    /// alone) is shutting down; then it must exit.
    /// </summary>
    private async Task AssertNotLeadingAsync(NamespaceNode victim, long token)
    {
        var last = "no answer";
        var answered = true;
        await NodeControl.EventuallyAsync($"{victim.Id} shows no live term of its own and does not lead", Deadline, async () =>
        {
            var leaders = await victim.GetAsync("/control/leaders?scope=global");
            var metrics = await victim.GetTextAsync("/metrics");
            var now = DateTimeOffset.Now;
            if (leaders is not { } list || metrics is null)
            {
                answered = false;
                return true;
            }

            last = $"at {now:HH:mm:ss.fff}: {list.GetRawText()}";
            metrics.Split('\n').Should().Contain("meshactors_leadership_is_leader{scope=\"global\"} 0", "it stepped down");
            var entry = list.EnumerateArray().Single();
            if (entry.GetProperty("leaderId").GetString() != victim.Id)
            {
                return true;
            }

            entry.GetProperty("fencingToken").GetInt64().Should().Be(token, "it cannot have won a new term without the store");
            return entry.GetProperty("expiresAt").GetDateTimeOffset() <= now;
        }, () => Task.FromResult($"{victim.Id}'s last /control/leaders {last}"));

        if (answered)
        {
            output.WriteLine($"{victim.Id}'s own view while cut off, {last}; is_leader 0");
        }
        else
        {
            output.WriteLine($"{victim.Id} no longer answers on its control port; waiting for it to exit");
            await victim.Process.WaitForExitAsync(Deadline);
        }
    }

    private static void AssertNoNewTerm(NamespaceNode victim, int skip, string when)
    {
        var lines = victim.Process.Output.Split('\n').Skip(skip);
        lines.Where(l => l.Contains($"This node ({victim.Id}) leads global", StringComparison.Ordinal)).Should().BeEmpty($"the old leader must not lead {when}");
    }

    private static string Acquired(NamespaceNode node, long token) =>
        $@"^(?<at>\d\d:\d\d:\d\d\.\d{{3}}) .*This node \({Regex.Escape(node.Id)}\) leads global with fencing token {token}\b.*$";

    private static string SteppedDown(NamespaceNode node, long token) =>
        $@"^(?<at>\d\d:\d\d:\d\d\.\d{{3}}) .*This node \({Regex.Escape(node.Id)}\) stepped down as leader of global \(fencing token {token}\).*$";

    private static TimeSpan TimeOfDay(Match line) => TimeSpan.ParseExact(line.Groups["at"].Value, @"hh\:mm\:ss\.fff", CultureInfo.InvariantCulture);

    private static string Now() => DateTimeOffset.Now.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture);

    /// <summary>
    /// Waits until each of <paramref name="observers"/> lists exactly <paramref name="members"/>, all up and
    /// reachable, with at least one Akka.Remote association per other member — without a break for
    /// <paramref name="stableFor"/>. A node that exits fails the wait at once.
    /// </summary>
    private static async Task UntilMembersAsync(IReadOnlyList<NamespaceNode> observers, IReadOnlyList<NamespaceNode> members, TimeSpan stableFor)
    {
        var expected = members.Select(m => $"{m.Id}=up").Order(StringComparer.Ordinal).ToList();
        var last = new Dictionary<string, string>();
        DateTimeOffset? healthySince = null;
        await NodeControl.EventuallyAsync($"every node lists {string.Join(", ", expected)}, all reachable, for {stableFor.TotalSeconds} s", Deadline, async () =>
        {
            if (observers.FirstOrDefault(o => o.Process.HasExited) is { } exited)
            {
                throw new InvalidOperationException($"{exited.Id} exited while waiting for its members");
            }

            var all = true;
            foreach (var observer in observers)
            {
                var view = await observer.MembersAsync();
                var associations = await observer.AssociationsAsync();
                last[observer.Id] = $"{(view is null ? "no answer" : string.Join(' ', view))}; {associations} association(s)";
                all &= view is not null && view.Order(StringComparer.Ordinal).SequenceEqual(expected) && associations >= members.Count - 1;
            }

            healthySince = all ? healthySince ?? DateTimeOffset.Now : null;
            return healthySince is { } since && DateTimeOffset.Now - since >= stableFor;
        }, () => Task.FromResult(string.Join('\n', last.Select(l => $"{l.Key} lists: {l.Value}"))));
    }

    private static Task<(string Leader, long Token)> UntilAgreedAsync(IReadOnlyList<NamespaceNode> nodes, long after) =>
        LeaderAgreement.UntilAgreedAsync([.. nodes.Select(n => new LeaderAgreement.Reader(n.Id, n.GetAsync))], "global", after, Deadline);

    /// <summary>Waits until <paramref name="node"/> names <paramref name="leader"/> with a term
    /// that expires after <paramref name="renewedAfter"/>: it read the store again and saw a renewal made after the heal.</summary>
    private static async Task UntilLeaderSeenAsync(NamespaceNode node, (string Leader, long Token) leader, DateTimeOffset renewedAfter)
    {
        var last = "no answer";
        await NodeControl.EventuallyAsync($"{node.Id} sees {leader.Leader} lead with token {leader.Token}, renewed after {renewedAfter:HH:mm:ss.fff}", Deadline, async () =>
        {
            if (node.Process.HasExited)
            {
                throw new InvalidOperationException($"{node.Id} exited while waiting for it to see the leader");
            }

            var body = await node.GetAsync("/control/leaders?scope=global");
            last = body?.GetRawText() ?? "no answer";
            return body is { } list && list.EnumerateArray().SingleOrDefault() is { ValueKind: JsonValueKind.Object } entry
                && entry.GetProperty("leaderId").GetString() == leader.Leader && entry.GetProperty("fencingToken").GetInt64() == leader.Token
                && entry.GetProperty("expiresAt").GetDateTimeOffset() > renewedAfter;
        }, () => Task.FromResult($"{node.Id}'s last /control/leaders: {last}"));
    }
}
