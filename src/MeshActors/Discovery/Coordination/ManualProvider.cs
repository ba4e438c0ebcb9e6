namespace MeshActors.Discovery.Coordination;

/// <summary>The <c>manual</c> provider (static tier): the current manual introductions.</summary>
internal sealed class ManualProvider(ManualIntroductions introductions) : IDiscoveryProvider
{
    /// <inheritdoc/>
    public string Name => ManualIntroductions.ProviderName;

    /// <inheritdoc/>
    public Task<DiscoveryResult> DiscoverAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(new DiscoveryResult(introductions.Snapshot));
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
