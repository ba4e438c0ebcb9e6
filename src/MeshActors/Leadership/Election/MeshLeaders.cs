using System.Collections.Concurrent;
using MeshActors.Hosting;

namespace MeshActors.Leadership.Election;

/// <summary>
/// The leaders of this cluster as this node knows them: one per scope (<c>global</c> and
/// <c>meshactors.leadership.scopes</c>), each the holder of a fenced <see cref="MeshLease"/>. Get it
/// from <c>MeshNode.Get(system).Leaders</c>. A leader acts only while <see cref="IsLeader"/> holds, and
/// puts <see cref="FencingToken"/> on every action, so a store can refuse a deposed leader's writes.
/// </summary>
public sealed class MeshLeaders
{
    private readonly ChangeFeed<LeadershipSnapshot, LeadershipChange> _feed;
    private readonly ConcurrentDictionary<string, MeshLease> _leases = new(StringComparer.Ordinal);

    internal MeshLeaders(string self, IEnumerable<string> scopes)
    {
        Self = self;
        _feed = new(LeadershipSnapshot.Empty(scopes));
    }

    /// <summary>This node's id, the owner name of its leases.</summary>
    public string Self { get; }

    /// <summary>Every scope and its leader now.</summary>
    public LeadershipSnapshot Snapshot => _feed.Snapshot;

    /// <summary>The leader of <paramref name="scope"/> as last read from the lease store; <c>null</c> when none (or the scope is not elected).</summary>
    public LeaderInfo? LeaderOf(string scope) => Snapshot.Leaders.GetValueOrDefault(scope);

    /// <summary>Whether this node leads <paramref name="scope"/> now: it holds the lease and its safe deadline has not passed.</summary>
    public bool IsLeader(string scope) => _leases.TryGetValue(scope, out var lease) && lease.CheckLease();

    /// <summary>This node's fencing token for <paramref name="scope"/> while it leads; <c>null</c> otherwise.
    /// Put it on every action taken as leader.</summary>
    public long? FencingToken(string scope) => _leases.TryGetValue(scope, out var lease) && lease.CheckLease() ? lease.FencingToken : null;

    /// <summary>The changes from the moment of this call on; read <see cref="Snapshot"/> for the state to start from.
    /// Ends when the enumeration does or the node stops.</summary>
    public IAsyncEnumerable<LeadershipChange> WatchAsync(CancellationToken cancellationToken = default) => _feed.WatchAsync(cancellationToken);

    internal void SetLease(string scope, MeshLease lease) => _leases[scope] = lease;

    /// <summary>Folds a read of <paramref name="scope"/>'s lease into the snapshot; returns the change it made, if any.</summary>
    internal LeadershipChange? Observe(string scope, LeaseState state, DateTimeOffset now)
    {
        LeadershipChange? made = null;
        _feed.Update(snapshot =>
        {
            var (known, change) = LeadershipRules.Observe(scope, snapshot.Leaders.GetValueOrDefault(scope), state, now);
            made = change;
            return ReferenceEquals(known, snapshot.Leaders.GetValueOrDefault(scope))
                ? (snapshot, [])
                : (snapshot with { Leaders = snapshot.Leaders.SetItem(scope, known), Version = snapshot.Version + (change is null ? 0 : 1) }, change is null ? [] : [change]);
        });
        return made;
    }

    internal void Complete() => _feed.Complete();
}
