using Akka.Actor;
using MeshActors.Diagnostics;
using Microsoft.Extensions.Logging;

namespace MeshActors.Leadership.Election;

/// <summary>
/// Elects the leader of one scope on this node (<c>/user/mesh/leader-{scope}</c>). Every
/// <c>retry-interval</c> it reads the scope's lease (so every node, eligible or not, knows the leader)
/// and, while this node is eligible and does not lead, tries to take it. Leading ends when
/// <see cref="MeshLease"/> reports the lease lost (at its safe deadline, before anyone else can take
/// it), when this node stops being eligible (it releases the lease, so the next leader need not wait
/// for expiry), or when a read shows a later term than its own. The protocol decisions are in
/// <see cref="LeadershipRules"/>; this actor routes timers and store replies to them.
/// </summary>
internal sealed class LeaderElector : ReceiveActor, IWithTimers
{
    private readonly string _scope;
    private readonly MeshLease _lease;
    private readonly MeshLeaders _leaders;
    private readonly Func<bool> _eligible;
    private readonly ElectorContext _context;
    private bool _reading;
    private bool _acquiring;
    private bool _storeFailureLogged;

    /// <summary>The fencing token of the term this node leads (or last led). Kept here because the lease
    /// forgets its grant the moment it reports the lease lost, before the step-down is logged.</summary>
    private long _term;

    public LeaderElector(string scope, MeshLease lease, MeshLeaders leaders, Func<bool> eligible, TimeSpan retryInterval, ElectorContext context)
    {
        (_scope, _lease, _leaders, _eligible, _context) = (scope, lease, leaders, eligible, context);
        leaders.SetLease(scope, lease);
        Timers!.StartPeriodicTimer("tick", Protocol.Tick.Instance, TimeSpan.Zero, retryInterval);
        Following();
    }

    public ITimerScheduler Timers { get; set; } = null!;

    private string LeaseName => _lease.Settings.LeaseName;

    /// <summary>What the elector needs from the node.</summary>
    public sealed record ElectorContext(NodeMetrics Metrics, IAuditSink Audit, ILogger Log, TimeProvider Time, TimeSpan RetryInterval);

    protected override void PostStop()
    {
        if (_lease.CheckLease())
        {
            // Best effort: the next leader takes over at once instead of after expiry.
            _ = _lease.Release().ContinueWith(_ => { }, TaskScheduler.Default);
        }

        _context.Metrics.IsLeader.WithLabels(_scope).Set(0);
    }

    private void Following()
    {
        Receive<Protocol.Tick>(_ =>
        {
            Read();
            if (!_acquiring && _eligible())
            {
                _acquiring = true;
                var self = Self;
                _lease.Acquire(reason => self.Tell(new Protocol.Lost(reason.Message)))
                    .PipeTo(self, success: ok => new Protocol.AcquireResult(ok, null), failure: e => new Protocol.AcquireResult(false, e));
            }
        });
        Receive<Protocol.AcquireResult>(result =>
        {
            _acquiring = false;
            if (result.Error is not null)
            {
                StoreFailed(result.Error);
            }
            else if (result.Acquired && _lease.Grant is { } grant)
            {
                _storeFailureLogged = false;
                _term = grant.FencingToken;
                MeshLog.LeadershipAcquired(_context.Log, _leaders.Self, _scope, grant.FencingToken);
                Audit("leadership-acquired", $"this node leads {_scope} with fencing token {grant.FencingToken}");
                _context.Metrics.IsLeader.WithLabels(_scope).Set(1);
                Apply(new LeaseState(LeaseName, grant, grant.FencingToken));
                Become(Leading);
            }
        });
        Receive<Protocol.ReadResult>(OnRead);
        Receive<Protocol.Lost>(_ => { }); // a callback of a term already left behind
        Receive<Protocol.Released>(_ => { });
        Receive<Protocol.StepDown>(_ =>
        {
            Become(Leaving);
            Sender.Tell(Akka.Done.Instance);
        });
    }

    private void Leading()
    {
        Receive<Protocol.Tick>(_ =>
        {
            if (!_eligible())
            {
                StepDown("this node is no longer eligible (not Up, or leaving)", release: true);
                return;
            }

            Read();
        });
        Receive<Protocol.ReadResult>(read =>
        {
            if (read.State is { } state && LeadershipRules.TwoHolders(_leaders.Self, _lease.FencingToken, state))
            {
                _context.Metrics.SplitBrainDetections.WithLabels(_scope).Inc();
                MeshLog.TwoHolders(_context.Log, _scope, _lease.FencingToken ?? 0, state.Holder!.Owner, state.Holder.FencingToken);
                Audit("leadership-two-holders", $"this node held term {_lease.FencingToken} while the store named {state.Holder.Owner} with term {state.Holder.FencingToken}");
                StepDown("the store names a later term", release: true); // the store refuses the release; locally it ends the term
            }

            OnRead(read);
        });
        Receive<Protocol.Lost>(lost => StepDown(lost.Reason, release: false));
        Receive<Protocol.StepDown>(_ =>
        {
            StepDown("this node is leaving", release: true, Sender);
            Become(Leaving);
        });
    }

    /// <summary>The node is leaving: keep showing the leader, never take the lease again.</summary>
    private void Leaving()
    {
        Receive<Protocol.Tick>(_ => Read());
        Receive<Protocol.ReadResult>(OnRead);
        Receive<Protocol.AcquireResult>(result =>
        {
            // An acquire sent before the node began to leave: give back what it won.
            _acquiring = false;
            if (result.Acquired)
            {
                _lease.Release().ContinueWith(_ => { }, TaskScheduler.Default);
            }
        });
        Receive<Protocol.Lost>(_ => { });
        Receive<Protocol.Released>(_ => { });
        Receive<Protocol.StepDown>(_ => Sender.Tell(Akka.Done.Instance));
    }

    /// <summary>Stops leading; with <paramref name="release"/> frees the lease in the store so the next leader
    /// need not wait for it to expire, and tells <paramref name="replyTo"/> <c>Done</c> once that is written.</summary>
    private void StepDown(string reason, bool release, IActorRef? replyTo = null)
    {
        var token = _term;
        if (release)
        {
            var self = Self;
            _lease.Release().ContinueWith(
                _ =>
                {
                    self.Tell(Protocol.Released.Instance);
                    replyTo?.Tell(Akka.Done.Instance);
                },
                TaskScheduler.Default);
        }
        else
        {
            replyTo?.Tell(Akka.Done.Instance);
        }

        MeshLog.LeadershipLost(_context.Log, _leaders.Self, _scope, token, reason);
        Audit("leadership-lost", $"this node stepped down as leader of {_scope} (fencing token {token}): {reason}");
        _context.Metrics.IsLeader.WithLabels(_scope).Set(0);
        Become(Following);
    }

    private void Read()
    {
        if (_reading)
        {
            return;
        }

        _reading = true;
        _lease.Store.ReadAsync(LeaseName).PipeTo(Self, success: s => new Protocol.ReadResult(s, null), failure: e => new Protocol.ReadResult(null, e));
    }

    private void OnRead(Protocol.ReadResult read)
    {
        _reading = false;
        if (read.State is null)
        {
            StoreFailed(read.Error!);
            return;
        }

        Apply(read.State);
    }

    private void Apply(LeaseState state)
    {
        var change = _leaders.Observe(_scope, state, _context.Time.GetUtcNow());
        if (change is null)
        {
            return;
        }

        var metrics = _context.Metrics;
        metrics.LeadershipTransitions.WithLabels(_scope, change.Kind).Inc();
        metrics.LeaderFencingToken.WithLabels(_scope).Set(change.Current?.FencingToken ?? 0);
        if (change.Current is { } current)
        {
            if (change.Previous is { } previous)
            {
                metrics.ElectionDuration.WithLabels(_scope).Observe(Math.Max(0, (current.AcquiredAt - previous.ExpiresAt).TotalSeconds));
            }

            MeshLog.LeaderElected(_context.Log, _scope, current.LeaderId, current.Term, current.FencingToken, change.Previous?.LeaderId ?? "none known");
            Audit("leader-elected", $"{current.LeaderId} leads {_scope} (term {current.Term}, fencing token {current.FencingToken}); before: {change.Previous?.LeaderId ?? "none known"}", current.LeaderId);
        }
        else
        {
            MeshLog.LeaderVacant(_context.Log, _scope, change.Previous!.LeaderId, change.Previous.Term);
            Audit("leader-vacant", $"{_scope} has no leader: term {change.Previous.Term} of {change.Previous.LeaderId} ended", change.Previous.LeaderId);
        }
    }

    private void StoreFailed(Exception error)
    {
        var reason = error is AggregateException { InnerException: { } inner } ? inner.Message : error.Message;
        if (_storeFailureLogged)
        {
            _context.Log.LogDebug("Lease of {Scope}: {Reason}", _scope, reason);
            return;
        }

        _storeFailureLogged = true;
        MeshLog.LeaseStoreFailed(_context.Log, _scope, reason, (long)_context.RetryInterval.TotalMilliseconds);
    }

    private void Audit(string kind, string detail, string? peer = null) =>
        _context.Audit.Write(new AuditEvent(kind, _context.Time.GetUtcNow(), peer ?? _leaders.Self, null, _scope, detail));

    /// <summary>The elector's messages.</summary>
    internal static class Protocol
    {
        public sealed record Tick
        {
            public static readonly Tick Instance = new();
        }

        public sealed record AcquireResult(bool Acquired, Exception? Error);

        public sealed record ReadResult(LeaseState? State, Exception? Error);

        public sealed record Lost(string Reason);

        /// <summary>Release the lease now if held (the node is leaving); answered with <c>Done</c>.</summary>
        public sealed record StepDown
        {
            public static readonly StepDown Instance = new();
        }

        public sealed record Released
        {
            public static readonly Released Instance = new();
        }
    }
}
