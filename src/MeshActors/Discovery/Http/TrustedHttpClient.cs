namespace MeshActors.Discovery.Http;

/// <summary>
/// An <see cref="HttpClient"/> trusting a PEM CA file (or the system store), created on first
/// use so that a CA file that appears after start-up is picked up and a missing one fails the
/// run (as a <see cref="DiscoveryException"/>) rather than the node's start.
/// </summary>
internal sealed class TrustedHttpClient(string caPemPath, string provider, string caSetting) : IDisposable
{
    private readonly Lock _gate = new();
    private HttpClient? _client;
    private bool _disposed;

    /// <summary>The client, created on first call.</summary>
    /// <exception cref="DiscoveryException">The CA file is missing or holds no certificate.</exception>
    /// <exception cref="DiscoveryException">The provider was disposed.</exception>
    public HttpClient Get()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                throw new DiscoveryException($"{provider}: the provider was disposed (the node is stopping)");
            }

            return _client ??= new HttpClient(TrustedCaHandler.Create(caPemPath, provider, caSetting)) { Timeout = Timeout.InfiniteTimeSpan };
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _client?.Dispose();
            _client = null;
        }
    }
}
