using MeshActors.Membership;

namespace MeshActors.Discovery.PeerCache;

/// <summary>Writes what membership sees into the peer cache: a member seen joining or alive is
/// accepted (its address refreshed), a member declared dead gets a failure. Runs until the
/// membership stream ends or it is cancelled.</summary>
internal static class PeerCacheRecorder
{
    public static async Task RunAsync(ClusterMembership membership, PeerCacheStore store, PeerCacheOptions options, TimeProvider time, CancellationToken cancellationToken)
    {
        var lastPrune = DateTimeOffset.MinValue;
        await foreach (var update in membership.WatchAsync(cancellationToken).ConfigureAwait(false))
        {
            var now = time.GetUtcNow();
            if (update.Events.Count == 0)
            {
                foreach (var member in update.Snapshot.Members.Where(m => m.NodeId != membership.NodeId && m.Status == MemberStatus.Alive))
                {
                    store.Accepted(member.NodeId, member.Address, now);
                }
            }

            foreach (var change in update.Events.Where(e => e.Member.NodeId != membership.NodeId))
            {
                switch (change.Kind)
                {
                    case MemberEventKind.Joined or MemberEventKind.Alive or MemberEventKind.MetadataChanged when change.Member.Status == MemberStatus.Alive:
                        store.Accepted(change.Member.NodeId, change.Member.Address, now);
                        break;
                    case MemberEventKind.Dead:
                        store.Failed(change.Member.NodeId);
                        break;
                }
            }

            if (now - lastPrune > TimeSpan.FromMinutes(1))
            {
                lastPrune = now;
                store.Prune(options.MaxPeers, options.ForgetAfter, now);
            }
        }
    }
}
