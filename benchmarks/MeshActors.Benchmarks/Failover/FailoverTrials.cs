using System.Diagnostics;
using System.Globalization;
using MeshActors.Benchmarks.Harness;

namespace MeshActors.Benchmarks.Failover;

/// <summary>
/// The trials of one kind. Node 0 starts and lists itself up, nodes 1..N-1 start seeded with it,
/// and once all N list N members up and name the same leader, each trial:
/// <list type="number">
/// <item>SIGKILL to the node every node names as leader;</item>
/// <item><b>failover</b>: from the kill until every survivor has answered, once, a leader other than
/// the victim (for a fenced kind: with a fencing token above the victim's), each answer timed on
/// arrival; the survivors are polled every interval without waiting for earlier requests;</item>
/// <item>once no survivor lists the victim any more (its old incarnation removed), the victim is
/// started again with the same node index, ports and data directory, seeded with a survivor, and the
/// trial waits until all N list N members up and agree on the leader again. Restarting before the
/// removal once left a MeshActors node unable to join for two minutes (its join to the seed was
/// never answered), so the harness waits, as a supervisor with a restart delay would.</item>
/// </list>
/// For a fenced kind a <see cref="SafetyMonitor"/> watches every live node from the first agreement
/// to the end of the last trial, restarts included.
/// </summary>
internal sealed class FailoverTrials(FailoverKind kind, int count, int portBase, string directory, TimeSpan poll, TimeSpan deadline)
{
    private readonly Stopwatch _clock = new();
    private readonly NodeProcess?[] _nodes = new NodeProcess?[count];

    public async Task RunAsync(int trials, FailoverFigures figures)
    {
        Directory.CreateDirectory(directory);
        await kind.Nodes.PrepareAsync(count, directory);
        _clock.Start();
        using var poller = new LeaderPoller(_clock, poll);
        var safety = kind.Fenced ? new SafetyMonitor(poller, _clock, poll) : null;
        using var stopSafety = new CancellationTokenSource();
        var safetyRun = Task.CompletedTask;
        try
        {
            Start(0, seedIndex: 0);
            await poller.UntilUpAsync(Live(), 1, deadline);
            for (var i = 1; i < count; i++)
            {
                Start(i, seedIndex: 0);
            }

            await poller.UntilUpAsync(Live(), count, deadline);
            var agreed = await poller.UntilAgreedAsync(Live(), deadline);
            if (safety is not null)
            {
                Live().ForEach(safety.Watch);
                safetyRun = safety.RunAsync(stopSafety.Token);
            }

            for (var trial = 1; trial <= trials; trial++)
            {
                var victimIndex = Enumerable.Range(0, count).FirstOrDefault(i => kind.LeaderIdOf(i, Port(i)) == agreed.LeaderId, -1);
                if (victimIndex < 0)
                {
                    throw new InvalidOperationException($"the agreed leader {agreed} is none of the {count} nodes");
                }

                var victim = _nodes[victimIndex]!;
                var survivors = Live().Where(n => n != victim).ToList();
                safety?.Forget(victim);
                var killedAt = _clock.Elapsed;
                victim.Crash();
                var seenAt = await poller.UntilEachAsync(
                    $"a leader other than {agreed.LeaderId}{(kind.Fenced ? $" with a token above {agreed.Token}" : string.Empty)}",
                    survivors,
                    v => v.LeaderId is { } leader && leader != agreed.LeaderId && (!kind.Fenced || v.Token > agreed.Token),
                    deadline);
                var failover = seenAt - killedAt;
                figures.Seconds.Add(failover.TotalSeconds);

                var victimAddress = victim.Self ?? throw new InvalidOperationException($"{victim.Name} never named its own address");
                var removedAt = await poller.UntilRemovedAsync(survivors, victimAddress, deadline);
                await victim.WaitForExitAsync(TimeSpan.FromSeconds(10));
                victim.Dispose();
                File.Move(victim.LogPath, string.Create(CultureInfo.InvariantCulture, $"{victim.LogPath}.{trial:00}"), overwrite: true);
                var restartedAt = _clock.Elapsed;
                var restarted = Start(victimIndex, seedIndex: Array.IndexOf(_nodes, survivors[0]));
                safety?.Watch(restarted);
                await poller.UntilUpAsync(Live(), count, deadline);
                var next = await poller.UntilAgreedAsync(Live(), deadline);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{kind.Name} trial {trial}/{trials}: killed {victim.Name} (leader {agreed}); every survivor named another leader after {failover.TotalSeconds:0.000} s, removed it after {(removedAt - killedAt).TotalSeconds:0.0} s; " +
                    $"restarted, all {count} up and agreeing on {next} after {(_clock.Elapsed - restartedAt).TotalSeconds:0.0} s"));
                if (kind.Fenced && !(next.Token > agreed.Token))
                {
                    throw new InvalidOperationException($"after trial {trial} the nodes agree on {next}, not a token above {agreed.Token}");
                }

                agreed = next;
            }
        }
        finally
        {
            await stopSafety.CancelAsync();
            await safetyRun;
            if (safety is not null)
            {
                figures.SafetyRounds = safety.Rounds;
                figures.SingleHolderRounds = safety.SingleHolderRounds;
                figures.DoubleHolderRounds = safety.DoubleHolderRounds;
                figures.TokenDecreases = safety.TokenDecreases;
                figures.Incidents = safety.Incidents;
            }

            foreach (var node in _nodes)
            {
                node?.Dispose();
            }
        }
    }

    private int Port(int index) => portBase + index;

    private List<NodeProcess> Live() => _nodes.OfType<NodeProcess>().ToList();

    private NodeProcess Start(int index, int seedIndex) =>
        _nodes[index] = kind.Nodes.Start(index, Port(index), Port(index) + 1000, Port(seedIndex), directory, _clock);
}
