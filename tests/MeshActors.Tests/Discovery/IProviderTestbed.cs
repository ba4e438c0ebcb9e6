using MeshActors.Discovery;

namespace MeshActors.Tests.Discovery;

/// <summary>A real backend for one provider (a DNS server, an HTTPS fixture server, an mDNS peer
/// in a network namespace, a SQLite file), driven by <see cref="DiscoveryProviderConformance"/>.</summary>
public interface IProviderTestbed : IAsyncDisposable
{
    /// <summary>The provider's name, as in <c>meshactors.discovery.&lt;name&gt;</c>.</summary>
    string ProviderName { get; }

    /// <summary>A provider whose backend serves exactly <paramref name="targets"/> (IP addresses
    /// on loopback or in 10.0.0.0/8, so the provider reports them as given).</summary>
    Task<IDiscoveryProvider> ServingAsync(IReadOnlyList<NodeAddress> targets);

    /// <summary>A provider whose backend fails: unreachable, refusing, or answering with an error.</summary>
    Task<IDiscoveryProvider> FailingAsync();

    /// <summary>A provider whose backend answers with malformed data (bad JSON, XML or packets).</summary>
    Task<IDiscoveryProvider> GarbageAsync();
}
