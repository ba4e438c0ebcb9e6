using Akka.Actor;
using Akka.Cluster.Tools.PublishSubscribe;
using MeshActors.Diagnostics;
using MeshActors.Leadership.Election;
using MeshActors.Membership;
using MeshActors.Sharding.Table;
using Microsoft.Extensions.Logging;
using static MeshActors.Sharding.Ownership.ShardTableKeeperProtocol;

namespace MeshActors.Sharding.Ownership;

/// <summary>
/// Keeps the shard tables on one node (<c>/user/mesh/shards</c>). On every node it takes new versions
/// the leader publishes (over Akka's distributed pub-sub) and reads the latest from the store every
/// <c>sync-interval</c>. On the leader of <c>leader-scope</c> it is the shard-ownership singleton: when
/// its term begins it loads the latest version of each namespace (never going back), and every
/// <c>plan-interval</c> it asks the <see cref="ShardPlanner"/> for the next version, writes it to the
/// store under its fencing token (the store refuses a deposed leader), and publishes it. Decisions are
/// pure (<see cref="ShardPlanner"/>, <see cref="RebalancePlans"/>, <see cref="ShardMembers"/>).
/// </summary>
internal sealed class ShardTableKeeper : ReceiveActor, IWithTimers
{
    /// <summary>The distributed pub-sub topic new versions are published on.</summary>
    public const string Topic = "meshactors-shard-tables";

    private readonly Settings _s;
    private readonly Dictionary<string, ShardPlanner> _planners;
    private readonly Dictionary<string, RebalancePlan> _plans = new(StringComparer.Ordinal);
    private readonly HashSet<string> _busy = new(StringComparer.Ordinal);
    private Dictionary<string, DateTimeOffset> _unreachableSince = new(StringComparer.Ordinal);
    private long _term; // the fencing token the loaded tables are for; 0: not leading
    private int _loading;

    public ShardTableKeeper(Settings settings)
    {
        _s = settings;
        var guardrails = new RebalanceGuardrails(settings.Options.MaxParallelMoves, settings.Options.Cooldown);
        _planners = settings.Options.Namespaces.ToDictionary(n => n.Namespace.Name, n => new ShardPlanner(n.Namespace, n.Strategy, guardrails), StringComparer.Ordinal);
        Timers!.StartPeriodicTimer("plan", Plan.Instance, settings.Options.PlanInterval);
        Timers.StartPeriodicTimer("sync", Sync.Instance, TimeSpan.Zero, settings.Options.SyncInterval);
        DistributedPubSub.Get(Context.System).Mediator.Tell(new Subscribe(Topic, Self));

        Receive<SubscribeAck>(_ => { });
        Receive<Sync>(_ => SyncAll());
        Receive<Synced>(OnSynced);
        Receive<TableChanged>(OnTableChanged);
        Receive<Plan>(_ => PlanAll());
        Receive<Loaded>(OnLoaded);
        Receive<Written>(OnWritten);
        Receive<SetCordon>(OnSetCordon);
        Receive<GetPlans>(_ => Sender.Tell(_term > 0 ? View() : (object)new Refused($"{_s.Self} does not lead {_s.Options.LeaderScope}")));
        Receive<Approve>(OnApprove);
    }

    public ITimerScheduler Timers { get; set; } = null!;

    private ILogger Log => _s.Log;

    /// <summary>What the keeper needs from the node.</summary>
    public sealed record Settings(string Self, ShardingOptions Options, ShardTables Tables, IShardTableStore Store, MeshLeaders Leaders, ClusterMembership Membership, NodeMetrics Metrics, IAuditSink Audit, ILogger Log, TimeProvider Time);

    private void SyncAll()
    {
        foreach (var ns in _planners.Keys.Where(ns => _busy.Add("sync:" + ns)))
        {
            _s.Store.LoadLatestAsync(ns).PipeTo(Self, success: t => new Synced(ns, t, null), failure: e => new Synced(ns, null, e));
        }
    }

    private void OnSynced(Synced synced)
    {
        _busy.Remove("sync:" + synced.Namespace);
        if (synced.Error is not null)
        {
            Log.LogDebug("Reading shard table {Namespace} failed: {Reason}", synced.Namespace, synced.Error.Message);
        }
        else if (synced.Table is not null)
        {
            Take(synced.Table, null);
        }
    }

    private void OnTableChanged(TableChanged changed)
    {
        if (!_planners.ContainsKey(changed.Namespace))
        {
            return;
        }

        ShardTableDiff diff;
        try
        {
            diff = ShardTableDiff.Decode(changed.Diff);
        }
        catch (FormatException e)
        {
            Log.LogWarning("A published change of shard table {Namespace} cannot be read ({Reason}); reading the store instead", changed.Namespace, e.Message);
            SyncAll();
            return;
        }

        var held = _s.Tables.Table(changed.Namespace);
        if (diff.FromVersion == held.Version)
        {
            Take(held.Apply(diff), diff);
        }
        else if (diff.ToVersion > held.Version)
        {
            SyncAll(); // missed a version: the store has every one
        }
    }

    private void Take(ShardTable table, ShardTableDiff? diff)
    {
        if (_s.Tables.Offer(table, diff))
        {
            _s.Metrics.ShardTableVersion.WithLabels(table.Namespace).Set(table.Version);
        }
    }

    private void PlanAll()
    {
        var token = _s.Leaders.FencingToken(_s.Options.LeaderScope);
        if (token is null)
        {
            if (_term != 0)
            {
                MeshLog.ShardLeadershipEnded(Log, _s.Self, _term);
                (_term, _loading) = (0, 0);
                _plans.Clear();
            }

            return;
        }

        if (token != _term)
        {
            // A new term: continue from the latest stored version of every namespace, never an older one.
            (_term, _loading) = (token.Value, _planners.Count);
            foreach (var ns in _planners.Keys)
            {
                _s.Store.LoadLatestAsync(ns).PipeTo(Self, success: t => new Loaded(ns, t, null), failure: e => new Loaded(ns, null, e));
            }

            return;
        }

        if (_loading > 0)
        {
            return;
        }

        var now = _s.Time.GetUtcNow();
        var members = _s.Membership.Snapshot;
        _unreachableSince = ShardMembers.TrackUnreachable(members, _unreachableSince, now);
        var membership = ShardMembers.From(members, _unreachableSince, now, _s.Options.UnreachableAfter);
        foreach (var (ns, planner) in _planners)
        {
            if (!_busy.Contains(ns))
            {
                PlanOne(ns, planner, membership, now);
            }
        }
    }

    private void PlanOne(string ns, ShardPlanner planner, ShardMembership membership, DateTimeOffset now)
    {
        var current = _s.Tables.Table(ns);
        var plan = _plans.GetValueOrDefault(ns, RebalancePlan.Steady);
        var advanced = RebalancePlans.Advance(plan, planner.DryRun(current, membership), _s.Options.RequireApproval, now);
        if (!ReferenceEquals(advanced.LastTransition, plan.LastTransition) && advanced.LastTransition is { } t)
        {
            _s.Metrics.RebalancePlanTransitions.WithLabels(ns, t.From.ToString().ToLowerInvariant(), t.To.ToString().ToLowerInvariant()).Inc();
            MeshLog.RebalancePlanTransition(Log, ns, t.From.ToString().ToLowerInvariant(), t.To.ToString().ToLowerInvariant(), t.Reason);
        }

        _plans[ns] = advanced;
        ShardTableChange? change;
        try
        {
            change = planner.Next(current, membership, _term, _s.Self, now, RebalancePlans.MayMove(advanced));
        }
        catch (ArgumentException e)
        {
            Log.LogDebug("Planning shard table {Namespace}: {Reason}", ns, e.Message);
            return;
        }

        if (change is not null)
        {
            _busy.Add(ns);
            _s.Store.AppendAsync(change.Table, change.Diff).PipeTo(Self, success: r => new Written(change, r, null), failure: e => new Written(change, null, e));
        }
    }

    private void OnLoaded(Loaded loaded)
    {
        if (loaded.Error is not null)
        {
            Log.LogWarning("Loading shard table {Namespace} for a new term failed: {Reason}; retrying", loaded.Namespace, loaded.Error.Message);
            _term = -1; // the next round starts the term again
            return;
        }

        if (loaded.Table is not null)
        {
            Take(loaded.Table, null);
        }

        if (--_loading == 0)
        {
            MeshLog.ShardLeadershipBegan(Log, _s.Self, _term, string.Join(", ", _s.Tables.Tables.Select(kv => $"{kv.Key} v{kv.Value.Version}")));
        }
    }

    private void OnWritten(Written written)
    {
        var (table, diff) = (written.Change.Table, written.Change.Diff);
        _busy.Remove(table.Namespace);
        if (written.Result is not { } result)
        {
            Log.LogWarning("Writing version {Version} of shard table {Namespace} failed: {Reason}", table.Version, table.Namespace, written.Error?.Message);
            return;
        }

        switch (result.Outcome)
        {
            case ShardTableAppendOutcome.Appended:
                Take(table, diff);
                _s.Metrics.ShardMoves.WithLabels(table.Namespace).Inc(diff.MovedShards);
                MeshLog.ShardTableWritten(Log, table.Namespace, table.Version, table.FencingToken, diff.MovedShards, diff.Reason);
                _s.Audit.Write(new AuditEvent("shard-table-written", diff.At, _s.Self, null, table.Namespace, $"version {table.Version} (token {table.FencingToken}): {diff.Reason}"));
                DistributedPubSub.Get(Context.System).Mediator.Tell(new Publish(Topic, new TableChanged(table.Namespace, diff.Encode())));
                break;
            case ShardTableAppendOutcome.StaleToken:
                MeshLog.ShardTableRefused(Log, table.Namespace, table.Version, table.FencingToken, result.Message);
                _term = -1; // a newer leader wrote; plan again only under a new term
                break;
            default:
                SyncAll(); // another write came first: read the latest and plan from it
                break;
        }
    }

    private void OnSetCordon(SetCordon set)
    {
        var self = _s.Membership.Snapshot.SelfMember;
        var labels = new Dictionary<string, string>(self?.Metadata?.Labels ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        if (set.Cordoned)
        {
            labels[ShardMembers.CordonLabel] = "true";
        }
        else
        {
            labels.Remove(ShardMembers.CordonLabel);
        }

        var node = _s.Self;
        _s.Audit.Write(new AuditEvent(set.Cordoned ? "node-cordoned" : "node-uncordoned", _s.Time.GetUtcNow(), node, null, "shards", set.Cordoned ? "shards drain from this node; nothing new lands on it" : "this node may own shards again"));
        _s.Membership.UpdateLabelsAsync(labels, TimeSpan.FromSeconds(5))
            .PipeTo(Sender, success: all => new CordonSet(node, set.Cordoned, all), failure: e => new Refused(e.Message));
    }

    private void OnApprove(Approve approve)
    {
        if (_term <= 0)
        {
            Sender.Tell(new Refused($"{_s.Self} does not lead {_s.Options.LeaderScope}"));
            return;
        }

        if (!_plans.TryGetValue(approve.Namespace, out var plan))
        {
            Sender.Tell(new Refused($"namespace '{approve.Namespace}' has no rebalance plan (namespaces: {string.Join(", ", _planners.Keys)})"));
            return;
        }

        try
        {
            _plans[approve.Namespace] = plan.Approve(approve.ApprovedBy);
            _s.Audit.Write(new AuditEvent("rebalance-approved", _s.Time.GetUtcNow(), approve.ApprovedBy, null, approve.Namespace, $"{plan.Preview?.Moves.Length ?? 0} move(s) approved"));
            Sender.Tell(View());
        }
        catch (InvalidOperationException e)
        {
            Sender.Tell(new Refused(e.Message));
        }
    }

    private PlansView View() => new(_s.Self, [.. _planners.Keys.Select(ns =>
    {
        var p = _plans.GetValueOrDefault(ns, RebalancePlan.Steady);
        return new PlanView(ns, p.State.ToString().ToLowerInvariant(), p.RequiresApproval, p.ApprovedBy, p.Preview?.Moves.Length ?? 0, p.Preview?.MovedFraction ?? 0,
            p.Preview?.DrainingShards ?? 0, p.Preview?.ParkedShards ?? 0, p.LastTransition?.Reason, p.LastTransition?.At);
    })]);

    private sealed record Plan
    {
        public static readonly Plan Instance = new();
    }

    private sealed record Sync
    {
        public static readonly Sync Instance = new();
    }

    private sealed record Synced(string Namespace, ShardTable? Table, Exception? Error);

    private sealed record Loaded(string Namespace, ShardTable? Table, Exception? Error);

    private sealed record Written(ShardTableChange Change, ShardTableAppendResult? Result, Exception? Error);
}
