using Akka.Actor;
using Akka.Cluster;
using Akka.DistributedData;
using Akka.Event;

namespace MeshActors.Leadership;

/// <summary>
/// The <c>cluster</c> store's arbiter, run as an Akka ClusterSingleton: it keeps the lease table
/// (<see cref="ClusterLeaseTable"/>) in memory and judges expiry by its own clock. Thin: it routes
/// requests to the table and confirms with a majority of the cluster's replicators before it answers.
/// <list type="bullet">
/// <item><b>Recovering</b> (at start): reads the replicated token counter with <c>ReadMajority</c>, retrying until a
/// majority answers; requests wait (stashed).</item>
/// <item><b>Serving</b>: an acquire that would issue a token first writes it with <c>WriteMajority</c>; a renewal first
/// checks that a majority still answers (<c>ReadMajority</c>); a release and a read are answered at once.</item>
/// <item><b>Confirming</b>: one write or read in flight; other requests wait. Success applies the change and
/// answers; failure answers <see cref="Protocol.Unavailable"/> and changes nothing (a failed token is never reused).</item>
/// </list>
/// </summary>
internal sealed class ClusterLeaseArbiter : ReceiveActor, IWithUnboundedStash, IWithTimers
{
    private readonly ClusterLeaseStoreSettings _settings;
    private readonly TimeProvider _clock;
    private readonly PNCounterDictionaryKey<string> _key;
    private readonly IActorRef _replicator = DistributedData.Get(Context.System).Replicator;
    private readonly UniqueAddress _self = Cluster.Get(Context.System).SelfUniqueAddress;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private ClusterLeaseTable _table = ClusterLeaseTable.Empty;

    public ClusterLeaseArbiter(ClusterLeaseStoreSettings settings, TimeProvider clock)
    {
        (_settings, _clock) = (settings, clock);
        _key = TokensKey(settings.ArbiterName);
        Recovering();
    }

    /// <inheritdoc />
    public IStash Stash { get; set; } = null!;

    /// <inheritdoc />
    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>The replicated counter: per lease name, the highest token any arbiter wrote with a majority.</summary>
    public static PNCounterDictionaryKey<string> TokensKey(string arbiterName) => new("meshactors-lease-tokens-" + arbiterName);

    /// <summary>The arbiter's props, for the singleton manager.</summary>
    public static Props Props(ClusterLeaseStoreSettings settings, TimeProvider clock) =>
        Akka.Actor.Props.Create(() => new ClusterLeaseArbiter(settings, clock));

    protected override void PreStart() => Recover();

    private DateTimeOffset Now => _clock.GetUtcNow();

    private void Recover() => _replicator.Tell(Dsl.Get(_key, new ReadMajority(_settings.MajorityTimeout, _settings.MajorityMinCap)));

    private void Recovering()
    {
        Receive<GetSuccess>(s => s.Key.Equals(_key), s =>
            Serve(ClusterLeaseTable.Recovered(s.Get(_key).Entries.Select(e => KeyValuePair.Create(e.Key, (long)e.Value)), Now, _settings.MaxTtl)));
        Receive<NotFound>(n => n.Key.Equals(_key), _ => Serve(ClusterLeaseTable.Empty));
        Receive<GetFailure>(f => f.Key.Equals(_key), _ =>
        {
            _log.Warning("Lease arbiter {0}: no majority answered the token read within {1}; retrying", _settings.ArbiterName, _settings.MajorityTimeout);
            Timers.StartSingleTimer("recover", RetryRecovery.Instance, _settings.MajorityTimeout);
        });
        Receive<RetryRecovery>(_ => Recover());
        ReceiveAny(_ => Stash.Stash());
    }

    private void Serve(ClusterLeaseTable table)
    {
        _table = table;
        var inGrace = table.GraceUntil.Count;
        _log.Info("Lease arbiter {0} serving on {1}; {2} lease name(s) wait {3} for terms of the previous arbiter to end", _settings.ArbiterName, _self.Address, inGrace, _settings.MaxTtl);
        Become(Serving);
        Stash.UnstashAll();
    }

    private void Serving()
    {
        Receive<Protocol.Acquire>(OnAcquire);
        Receive<Protocol.Renew>(OnRenew);
        Receive<Protocol.Release>(r =>
        {
            var next = _table.Release(r.Lease, r.Owner, r.Token, Now);
            _table = next ?? _table;
            Sender.Tell(new Protocol.Released(next is not null));
        });
        Receive<Protocol.Read>(r => Sender.Tell(new Protocol.Current(_table.View(r.Lease, Now))));
        Receive<RetryRecovery>(_ => { });
    }

    private void OnAcquire(Protocol.Acquire a)
    {
        if (TooLong(a.Ttl))
        {
            return;
        }

        if (_table.ProposeAcquire(a.Lease, a.Owner, Now, a.Ttl) is not { } row)
        {
            Sender.Tell(new Protocol.Granted(null));
            return;
        }

        var token = row.Token;
        var pending = new Pending(row, Sender, WritesToken: true);
        _replicator.Tell(Dsl.Update(_key, PNCounterDictionary<string>.Empty, new WriteMajority(_settings.MajorityTimeout, _settings.MajorityMinCap), pending, d =>
            d.TryGetValue(row.Lease, out var stored) && stored >= token ? d : d.Increment(_self, row.Lease, token - (long)stored)));
        Become(() => Confirming(pending));
    }

    private void OnRenew(Protocol.Renew r)
    {
        if (TooLong(r.Ttl))
        {
            return;
        }

        if (_table.ProposeRenew(r.Lease, r.Owner, r.Token, Now, r.Ttl) is not { } row)
        {
            Sender.Tell(new Protocol.Granted(null));
            return;
        }

        var pending = new Pending(row, Sender, WritesToken: false);
        _replicator.Tell(Dsl.Get(_key, new ReadMajority(_settings.MajorityTimeout, _settings.MajorityMinCap), pending));
        Become(() => Confirming(pending));
    }

    private void Confirming(Pending pending)
    {
        Receive<UpdateSuccess>(s => ReferenceEquals(s.Request, pending), _ => Confirmed(pending));
        Receive<GetSuccess>(s => ReferenceEquals(s.Request, pending), _ => Confirmed(pending));
        Receive<NotFound>(s => ReferenceEquals(s.Request, pending), _ => Confirmed(pending));
        Receive<IUpdateFailure>(f => ReferenceEquals(f.Request, pending), f => Failed(pending, f.Cause?.Message ?? f.GetType().Name));
        Receive<GetFailure>(f => ReferenceEquals(f.Request, pending), _ => Failed(pending, "read timed out"));
        ReceiveAny(_ => Stash.Stash());
    }

    private void Confirmed(Pending pending)
    {
        _table = _table.Granted(pending.Row);
        pending.ReplyTo.Tell(new Protocol.Granted(pending.Row.ToGrant()));
        Become(Serving);
        Stash.UnstashAll();
    }

    private void Failed(Pending pending, string why)
    {
        var what = pending.WritesToken ? $"writing fencing token {pending.Row.Token}" : "confirming the renewal";
        _log.Warning("Lease arbiter {0}: no majority acknowledged {1} for lease {2} within {3} ({4}); the request fails", _settings.ArbiterName, what, pending.Row.Lease, _settings.MajorityTimeout, why);
        if (pending.WritesToken)
        {
            _table = _table.Attempted(pending.Row.Lease, pending.Row.Token);
        }

        pending.ReplyTo.Tell(new Protocol.Unavailable($"no majority of the cluster acknowledged {what} within {_settings.MajorityTimeout} (this arbiter may be on the minority side of a partition)"));
        Become(Serving);
        Stash.UnstashAll();
    }

    private bool TooLong(TimeSpan ttl)
    {
        if (ttl <= _settings.MaxTtl)
        {
            return false;
        }

        Sender.Tell(new Protocol.Unavailable($"a ttl of {ttl} is longer than max-ttl ({_settings.MaxTtl}) of the cluster lease store"));
        return true;
    }

    /// <summary>A change waiting for its majority confirmation.</summary>
    private sealed record Pending(LeaseRow Row, IActorRef ReplyTo, bool WritesToken);

    /// <summary>Timer message: read the token counter again.</summary>
    private sealed class RetryRecovery
    {
        public static readonly RetryRecovery Instance = new();
    }

    /// <summary>The arbiter's messages; they cross the network between a store's proxy and the arbiter.</summary>
    public static class Protocol
    {
        /// <summary>Requests a new term (see <see cref="ILeaseStore.TryAcquireAsync"/>); answered by <see cref="Granted"/> or <see cref="Unavailable"/>.</summary>
        public sealed record Acquire(string Lease, string Owner, TimeSpan Ttl);

        /// <summary>Extends a term (see <see cref="ILeaseStore.TryRenewAsync"/>); answered by <see cref="Granted"/> or <see cref="Unavailable"/>.</summary>
        public sealed record Renew(string Lease, string Owner, long Token, TimeSpan Ttl);

        /// <summary>Ends a term (see <see cref="ILeaseStore.ReleaseAsync"/>); answered by <see cref="Released"/>.</summary>
        public sealed record Release(string Lease, string Owner, long Token);

        /// <summary>Reads a lease (see <see cref="ILeaseStore.ReadAsync"/>); answered by <see cref="Current"/>.</summary>
        public sealed record Read(string Lease);

        /// <summary>The term granted or extended; <c>null</c>: refused.</summary>
        public sealed record Granted(LeaseGrant? Grant);

        /// <summary>Whether the named term was the current one and has ended.</summary>
        public sealed record Released(bool Done);

        /// <summary>The lease as the arbiter sees it.</summary>
        public sealed record Current(LeaseState State);

        /// <summary>The request could not be decided safely; nothing changed.</summary>
        public sealed record Unavailable(string Reason);
    }
}
