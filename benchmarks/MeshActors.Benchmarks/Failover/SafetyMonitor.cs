using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using MeshActors.Benchmarks.Harness;

namespace MeshActors.Benchmarks.Failover;

/// <summary>
/// Watches the live MeshActors nodes while trials run: every interval, one round asks each live node
/// its <c>/metrics</c> gauge <c>meshactors_leadership_is_leader{scope="global"}</c> and its
/// <c>/control/leaders?scope=global</c>, all at once. It counts
/// <list type="bullet">
/// <item><b>double-holder rounds</b>: rounds in which two or more live nodes each said they lead
/// (gauge 1). The answers of one round arrive within milliseconds of each other, while a holder gives
/// its term up at least <c>clock-skew-margin</c> (250 ms) before the store can grant the next one, so
/// a round that sees two is a real overlap, not a poll artefact;</item>
/// <item><b>token decreases</b>: answers in which a node named a lower fencing token than it had named
/// before (per process: a restarted node starts again from no view).</item>
/// </list>
/// A node is watched from <see cref="Watch"/> until <see cref="Forget"/>, which the trial calls just
/// before it kills the node.
/// </summary>
internal sealed class SafetyMonitor(LeaderPoller poller, Stopwatch clock, TimeSpan interval)
{
    private readonly ConcurrentDictionary<NodeProcess, long> _live = new();
    private readonly List<string> _incidents = [];

    /// <summary>Rounds run.</summary>
    public int Rounds { get; private set; }

    /// <summary>Rounds in which exactly one live node reported itself leader (shows the gauge is read).</summary>
    public int SingleHolderRounds { get; private set; }

    /// <summary>Rounds in which two or more live nodes each reported themselves leader.</summary>
    public int DoubleHolderRounds { get; private set; }

    /// <summary>Answers that named a lower token than the same process named before.</summary>
    public int TokenDecreases { get; private set; }

    /// <summary>What each double holder or token decrease was, for the report.</summary>
    public IReadOnlyList<string> Incidents => _incidents;

    public void Watch(NodeProcess node) => _live[node] = 0;

    public void Forget(NodeProcess node) => _live.TryRemove(node, out _);

    /// <summary>Runs rounds until <paramref name="stop"/> is cancelled.</summary>
    public async Task RunAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var round = clock.Elapsed;
            var nodes = _live.Keys.ToList();
            var answers = await Task.WhenAll(nodes.Select(async n => (Node: n, Leads: await poller.IsLeaderAsync(n), Leader: await poller.GetLeaderAsync(n))));
            Rounds++;
            var holders = answers.Where(a => a.Leads == true && _live.ContainsKey(a.Node)).Select(a => a.Node.Name).ToList();
            if (holders.Count == 1)
            {
                SingleHolderRounds++;
            }
            else if (holders.Count > 1)
            {
                DoubleHolderRounds++;
                _incidents.Add(string.Create(CultureInfo.InvariantCulture, $"{round.TotalSeconds:0.000} s: {string.Join(" and ", holders)} each reported is_leader=1"));
            }

            foreach (var (node, _, leader) in answers)
            {
                if (leader?.View.Token is not { } token || !_live.TryGetValue(node, out var before))
                {
                    continue;
                }

                if (token < before)
                {
                    TokenDecreases++;
                    _incidents.Add(string.Create(CultureInfo.InvariantCulture, $"{round.TotalSeconds:0.000} s: {node.Name} named token {token} after {before}"));
                }
                else
                {
                    _live.TryUpdate(node, token, before);
                }
            }

            var wait = interval - (clock.Elapsed - round);
            if (wait > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(wait, stop);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}
