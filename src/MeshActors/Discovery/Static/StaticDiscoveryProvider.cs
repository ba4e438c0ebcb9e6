using MeshActors.Discovery;

namespace MeshActors.Discovery.Static;

/// <summary>Contact points written in configuration: <c>meshactors.discovery.static.contact-points</c>
/// (name <c>"static"</c>), or the release's <c>fallback-seeds</c> (name <c>"fallback"</c>).</summary>
public sealed class StaticDiscoveryProvider : IDiscoveryProvider
{
    private readonly DiscoveryResult _result;

    /// <summary>Creates the provider over <paramref name="seeds"/>.</summary>
    public StaticDiscoveryProvider(string name, IReadOnlyList<NodeAddress> seeds)
    {
        Name = name;
        var source = $"meshactors.discovery.static.{(name == "fallback" ? "fallback-seeds" : "contact-points")}";
        _result = new DiscoveryResult(seeds.Distinct().Select(s => new ContactPoint(s, name) { Source = source }).ToList());
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <inheritdoc/>
    public Task<DiscoveryResult> DiscoverAsync(CancellationToken cancellationToken) =>
        cancellationToken.IsCancellationRequested ? Task.FromCanceled<DiscoveryResult>(cancellationToken) : Task.FromResult(_result);

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
