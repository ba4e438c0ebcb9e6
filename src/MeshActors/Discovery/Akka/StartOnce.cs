namespace MeshActors.Discovery.Akka;

/// <summary>A provider that is started once, before its first run, however many lookups use it.</summary>
internal sealed class StartOnce(IDiscoveryProvider provider) : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private Task? _started;

    /// <summary>The provider's name.</summary>
    public string Name => provider.Name;

    /// <summary>Starts the provider if this is the first run, then runs it.</summary>
    public async Task<DiscoveryResult> DiscoverAsync(CancellationToken cancellationToken)
    {
        Task started;
        lock (_gate)
        {
            started = _started ??= provider.StartAsync(CancellationToken.None);
        }

        await started.WaitAsync(cancellationToken).ConfigureAwait(false);
        return await provider.DiscoverAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => provider.DisposeAsync();
}
