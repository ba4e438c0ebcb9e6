using Akka.Actor;
using Akka.Configuration;
using Akka.Coordination;
using Akka.Event;

namespace MeshActors.Leadership;

/// <summary>
/// An <see cref="Lease"/> over an <see cref="ILeaseStore"/>, so Akka's own ClusterSingleton and
/// sharding <c>use-lease</c> can use MeshActors' fenced leases: select it with
/// <c>use-lease = "meshactors.leadership.lease"</c> (or a block of your own with
/// <c>lease-class = "MeshActors.Leadership.MeshLease, MeshActors"</c>). It renews every
/// <c>heartbeat-interval</c> for <c>heartbeat-timeout</c>, and reports loss through the lease-lost
/// callback at <c>heartbeat-timeout - clock-skew-margin</c> after the last successful renewal was
/// sent, which is before the store lets anyone else acquire it. <see cref="FencingToken"/> is the
/// current term's token, for every action taken under the lease.
/// </summary>
public sealed class MeshLease : Lease, IAsyncDisposable
{
    /// <summary>The margin used when the lease configuration does not set <c>clock-skew-margin</c>.</summary>
    public static readonly TimeSpan DefaultClockSkewMargin = TimeSpan.FromMilliseconds(250);

    private readonly ILeaseStore _store;
    private readonly bool _ownsStore;
    private readonly TimeProvider _clock;
    private readonly ILoggingAdapter? _log;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Holding? _holding;

    /// <summary>The constructor Akka's <see cref="LeaseProvider"/> calls: the store is chosen by
    /// <c>store</c> in the lease's configuration and set up from its <c>stores</c> block (or
    /// <c>meshactors.leadership.stores</c>).</summary>
    public MeshLease(LeaseSettings settings, ExtendedActorSystem system)
        : this(settings, CreateStore(settings, system), TimeProvider.System, ownsStore: true, system.Log)
    {
        system.RegisterOnTermination(() => DisposeAsync().AsTask().GetAwaiter().GetResult());
    }

    /// <summary>A lease over a store the caller owns (and disposes), with an injectable clock.</summary>
    public MeshLease(LeaseSettings settings, ILeaseStore store, TimeProvider? clock = null)
        : this(settings, store, clock ?? TimeProvider.System, ownsStore: false, log: null)
    {
    }

    private MeshLease(LeaseSettings settings, ILeaseStore store, TimeProvider clock, bool ownsStore, ILoggingAdapter? log)
        : base(settings)
    {
        _store = store;
        _ownsStore = ownsStore;
        _clock = clock;
        _log = log;
        var margin = settings.LeaseConfig.IsNullOrEmpty() ? DefaultClockSkewMargin : settings.LeaseConfig.GetTimeSpan("clock-skew-margin", DefaultClockSkewMargin);
        ClockSkewMargin = margin;
        Validate(settings.TimeoutSettings, margin);
    }

    /// <summary>How much sooner than the store's expiry this holder gives the lease up: it must cover the
    /// difference between the holder's and the store's clock rates over one ttl, and the delay of the
    /// timer that reports the loss (scheduling, GC pauses).</summary>
    public TimeSpan ClockSkewMargin { get; }

    /// <summary>The store the lease is kept in.</summary>
    public ILeaseStore Store => _store;

    /// <summary>The current term while this owner holds the lease; <c>null</c> otherwise.</summary>
    public LeaseGrant? Grant => Current()?.Term.Grant;

    /// <summary>The current term's fencing token while this owner holds the lease; <c>null</c> otherwise.</summary>
    public long? FencingToken => Grant?.FencingToken;

    /// <inheritdoc />
    public override Task<bool> Acquire() => Acquire(null!);

    /// <inheritdoc />
    public override async Task<bool> Acquire(Action<Exception> leaseLostCallback)
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (Current() is { } held)
            {
                held.LostCallback = leaseLostCallback ?? held.LostCallback;
                return true;
            }

            var sentAt = _clock.GetTimestamp();
            var grant = await StoreCall(ct => _store.TryAcquireAsync(Settings.LeaseName, Settings.OwnerName, Ttl, ct), "acquire").ConfigureAwait(false);
            if (grant is null)
            {
                return false;
            }

            var holding = new Holding(this, new LeaseTerm(grant, LeaseTerm.Deadline(sentAt, Ttl, ClockSkewMargin, _clock.TimestampFrequency)), leaseLostCallback);
            _holding = holding;
            holding.Start();
            _log?.Info("Lease {0} acquired by {1} with fencing token {2}", Settings.LeaseName, Settings.OwnerName, grant.FencingToken);
            return true;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public override async Task<bool> Release()
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            var holding = Interlocked.Exchange(ref _holding, null);
            if (holding is null)
            {
                return false;
            }

            holding.Stop();
            var grant = holding.Term.Grant;
            return await StoreCall(ct => _store.ReleaseAsync(grant.Lease, grant.Owner, grant.FencingToken, ct), "release").ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public override bool CheckLease() => Current() is not null;

    /// <summary>Stops renewing (without releasing) and disposes the store if this lease created it.</summary>
    public async ValueTask DisposeAsync()
    {
        Interlocked.Exchange(ref _holding, null)?.Stop();
        if (_ownsStore)
        {
            await _store.DisposeAsync().ConfigureAwait(false);
        }
    }

    private TimeSpan Ttl => Settings.TimeoutSettings.HeartbeatTimeout;

    private Holding? Current() => _holding is { } h && h.Term.IsSafeAt(_clock.GetTimestamp()) ? h : null;

    private async Task<T> StoreCall<T>(Func<CancellationToken, Task<T>> call, string operation)
    {
        using var timeout = new CancellationTokenSource(Settings.TimeoutSettings.OperationTimeout, _clock);
        try
        {
            return await call(timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (timeout.IsCancellationRequested)
        {
            throw new LeaseTimeoutException($"Lease {Settings.LeaseName}: {operation} in store '{_store.Name}' took longer than {Settings.TimeoutSettings.OperationTimeout}", e);
        }
        catch (Exception e) when (e is not LeaseException)
        {
            throw new LeaseException($"Lease {Settings.LeaseName}: {operation} in store '{_store.Name}' failed: {e.Message}", e);
        }
    }

    private void Lose(Holding holding, Exception reason)
    {
        if (Interlocked.CompareExchange(ref _holding, null, holding) != holding)
        {
            return;
        }

        holding.Stop();
        _log?.Warning("Lease {0} lost by {1} (fencing token {2}): {3}", Settings.LeaseName, Settings.OwnerName, holding.Term.Grant.FencingToken, reason.Message);
        try
        {
            holding.LostCallback?.Invoke(reason);
        }
        catch (Exception e)
        {
            _log?.Error(e, "The lease-lost callback of lease {0} threw", Settings.LeaseName);
        }
    }

    private static void Validate(TimeoutSettings timeouts, TimeSpan margin)
    {
        var errors = new List<string>();
        if (margin < TimeSpan.Zero)
        {
            errors.Add($"clock-skew-margin ({margin}) must not be negative");
        }

        if (timeouts.HeartbeatInterval + timeouts.OperationTimeout + margin >= timeouts.HeartbeatTimeout)
        {
            errors.Add($"heartbeat-interval ({timeouts.HeartbeatInterval}) + lease-operation-timeout ({timeouts.OperationTimeout}) + clock-skew-margin ({margin}) " +
                       $"must be less than heartbeat-timeout ({timeouts.HeartbeatTimeout}), or a renewal could arrive after the holder already gave the lease up");
        }

        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid MeshLease settings:" + Environment.NewLine + string.Join(Environment.NewLine, errors.Select(e => "  - " + e)));
        }
    }

    private static ILeaseStore CreateStore(LeaseSettings settings, ExtendedActorSystem actorSystem)
    {
        var system = actorSystem.Settings.Config;
        var lease = settings.LeaseConfig;
        var stores = lease.HasPath("stores") ? lease.GetConfig("stores") : null;
        var fallback = system.HasPath("meshactors.leadership.stores") ? system.GetConfig("meshactors.leadership.stores") : ConfigurationFactory.Empty;
        var dataDir = system.HasPath("meshactors.node.data-dir") ? system.GetString("meshactors.node.data-dir") : ".";
        return LeaseStores.Create(lease.GetString("store", LeaseStores.Cluster), stores is null ? fallback : stores.WithFallback(fallback), dataDir, actorSystem);
    }

    /// <summary>A held term, its renewal loop and the timer that reports its loss at the safe deadline.</summary>
    private sealed class Holding(MeshLease lease, LeaseTerm term, Action<Exception>? lostCallback)
    {
        private readonly CancellationTokenSource _stop = new();
        private ITimer? _deadline;

        public LeaseTerm Term { get; private set; } = term;

        public Action<Exception>? LostCallback { get; set; } = lostCallback;

        public void Start()
        {
            _deadline = lease._clock.CreateTimer(_ => Expire(), null, Remaining(), Timeout.InfiniteTimeSpan);
            _ = Task.Run(HeartbeatAsync);
        }

        public void Stop()
        {
            _stop.Cancel();
            _deadline?.Dispose();
        }

        private TimeSpan Remaining()
        {
            var ticks = Term.SafeUntil - lease._clock.GetTimestamp();
            return ticks <= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds((double)ticks / lease._clock.TimestampFrequency);
        }

        private void Expire() =>
            lease.Lose(this, new LeaseException($"Lease {Term.Grant.Lease}: not renewed within heartbeat-timeout - clock-skew-margin; given up before the store can expire it"));

        private async Task HeartbeatAsync()
        {
            using var ticks = new PeriodicTimer(lease.Settings.TimeoutSettings.HeartbeatInterval, lease._clock);
            try
            {
                while (await ticks.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false))
                {
                    var grant = Term.Grant;
                    var sentAt = lease._clock.GetTimestamp();
                    LeaseGrant? renewed;
                    try
                    {
                        renewed = await lease.StoreCall(ct => lease._store.TryRenewAsync(grant.Lease, grant.Owner, grant.FencingToken, lease.Ttl, ct), "renew").ConfigureAwait(false);
                    }
                    catch (LeaseException e)
                    {
                        lease._log?.Warning("Lease {0}: renewal failed, retrying until the safe deadline: {1}", grant.Lease, e.Message);
                        continue;
                    }

                    if (renewed is null)
                    {
                        lease.Lose(this, new LeaseException($"Lease {grant.Lease}: the store rejected renewal of fencing token {grant.FencingToken} (expired, released or superseded)"));
                        return;
                    }

                    if (_stop.IsCancellationRequested)
                    {
                        return;
                    }

                    Term = new LeaseTerm(renewed, LeaseTerm.Deadline(sentAt, lease.Ttl, lease.ClockSkewMargin, lease._clock.TimestampFrequency));
                    _deadline?.Change(Remaining(), Timeout.InfiniteTimeSpan);
                }
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
            }
        }
    }
}
