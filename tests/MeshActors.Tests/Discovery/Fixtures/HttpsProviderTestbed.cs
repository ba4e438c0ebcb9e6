namespace MeshActors.Tests.Discovery.Fixtures;

/// <summary>What the HTTPS-backed testbeds share: one fixture server, and every provider they
/// created, disposed with the server even when a test fails.</summary>
internal abstract class HttpsProviderTestbed<TProvider>(FixtureHttpsServer server) : IAsyncDisposable
    where TProvider : IAsyncDisposable
{
    private readonly List<TProvider> _providers = [];

    /// <summary>The fixture server.</summary>
    public FixtureHttpsServer Server { get; } = server;

    /// <summary>Disposes the providers, then the server, then whatever the subclass owns.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var provider in _providers)
        {
            await provider.DisposeAsync();
        }

        await Server.DisposeAsync();
        DisposeMore();
    }

    /// <summary>Remembers <paramref name="provider"/> for disposal and returns it.</summary>
    protected TProvider Track(TProvider provider)
    {
        _providers.Add(provider);
        return provider;
    }

    /// <summary>Releases what the subclass owns beyond the server (temporary files).</summary>
    protected virtual void DisposeMore()
    {
    }
}
