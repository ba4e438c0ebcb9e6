namespace MeshActors.Discovery.PeerCache;

/// <summary>The peer cache as a provider (name <c>"peer-cache"</c>): the best-scored remembered
/// peers, so a restarted node can rejoin with every seed gone.</summary>
internal sealed class PeerCacheProvider(PeerCacheStore store, PeerCacheOptions options, DiscoveryContext context) : IDiscoveryProvider
{
    public string Name => "peer-cache";

    public Task<DiscoveryResult> DiscoverAsync(CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<DiscoveryResult>(cancellationToken);
        }

        var now = context.Time.GetUtcNow();
        var points = store.All()
            .Where(p => p.NodeId != context.NodeId && now - p.LastSeen < options.ForgetAfter)
            .OrderByDescending(p => p.ScoreAt(now, options.ForgetAfter))
            .Take(options.MaxContactPoints)
            .Select(p => new ContactPoint(p.Address, Name)
            {
                NodeId = p.NodeId,
                Source = $"{store.Location}: {p.NodeId} last seen {p.LastSeen:u}, accepted {p.Successes}×, {p.Failures} failure(s) since",
            })
            .ToList();
        return Task.FromResult(new DiscoveryResult(points));
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
