using Akka.Actor;
using Protocol = MeshActors.Leadership.ClusterLeaseArbiter.Protocol;

namespace MeshActors.Leadership;

/// <summary>
/// Leases kept by the cluster itself, with no external store: an arbiter run as an Akka ClusterSingleton
/// holds the table and judges expiry by its clock, and writes every fencing token it issues to a majority
/// of the cluster (Akka.DistributedData <c>WriteMajority</c>) before it answers. Safe provided at most one
/// arbiter acts at a time — Akka's singleton with a split-brain resolver that downs the minority (what
/// MeshActors configures); see the Leadership README for exactly what it guarantees and what it does not.
/// Requests go through a <c>ClusterSingletonProxy</c>.
/// </summary>
public sealed class ClusterLeaseStore : ILeaseStore
{
    private readonly IActorRef _arbiter;

    /// <summary>A client of the arbiter <paramref name="settings"/> names, starting this node's share of it if needed.</summary>
    /// <param name="system">A cluster ActorSystem (<c>akka.actor.provider = cluster</c>).</param>
    /// <param name="settings">The store's settings; <see cref="ClusterLeaseStoreSettings.Default"/> when omitted.</param>
    public ClusterLeaseStore(ActorSystem system, ClusterLeaseStoreSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(system);
        Settings = settings ?? ClusterLeaseStoreSettings.Default;
        _arbiter = ClusterLeaseArbiters.Get(system).Start(Settings);
    }

    /// <summary>The settings this client and its arbiter use.</summary>
    public ClusterLeaseStoreSettings Settings { get; }

    /// <inheritdoc />
    public string Name => LeaseStores.Cluster;

    /// <inheritdoc />
    public async Task<LeaseGrant?> TryAcquireAsync(string lease, string owner, TimeSpan ttl, CancellationToken cancellationToken = default)
    {
        Validate(lease, owner, ttl);
        return (await AskAsync<Protocol.Granted>(new Protocol.Acquire(lease, owner, ttl), cancellationToken).ConfigureAwait(false)).Grant;
    }

    /// <inheritdoc />
    public async Task<LeaseGrant?> TryRenewAsync(string lease, string owner, long token, TimeSpan ttl, CancellationToken cancellationToken = default)
    {
        Validate(lease, owner, ttl);
        return (await AskAsync<Protocol.Granted>(new Protocol.Renew(lease, owner, token, ttl), cancellationToken).ConfigureAwait(false)).Grant;
    }

    /// <inheritdoc />
    public async Task<bool> ReleaseAsync(string lease, string owner, long token, CancellationToken cancellationToken = default)
    {
        LeaseRules.Validate(lease, owner);
        return (await AskAsync<Protocol.Released>(new Protocol.Release(lease, owner, token), cancellationToken).ConfigureAwait(false)).Done;
    }

    /// <inheritdoc />
    public async Task<LeaseState> ReadAsync(string lease, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(lease);
        return (await AskAsync<Protocol.Current>(new Protocol.Read(lease), cancellationToken).ConfigureAwait(false)).State;
    }

    /// <summary>Nothing to release: the arbiter and its proxy belong to the ActorSystem.</summary>
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private void Validate(string lease, string owner, TimeSpan ttl)
    {
        LeaseRules.Validate(lease, owner, ttl);
        if (ttl > Settings.MaxTtl)
        {
            throw new ArgumentOutOfRangeException(nameof(ttl), ttl, $"the cluster lease store grants terms of at most max-ttl ({Settings.MaxTtl}); raise meshactors.leadership.stores.cluster.max-ttl or shorten heartbeat-timeout");
        }
    }

    private async Task<T> AskAsync<T>(object request, CancellationToken cancellationToken)
    {
        var reply = await _arbiter.Ask<object>(request, Settings.RequestTimeout, cancellationToken).ConfigureAwait(false);
        return reply switch
        {
            T answer => answer,
            Protocol.Unavailable unavailable => throw new InvalidOperationException($"cluster lease arbiter '{Settings.ArbiterName}': {unavailable.Reason}"),
            _ => throw new InvalidOperationException($"cluster lease arbiter '{Settings.ArbiterName}' answered {reply.GetType().Name} to {request.GetType().Name}"),
        };
    }
}
