using MeshActors.Discovery;
using MeshActors.Discovery.Akka;
using MeshActors.Discovery.Dns;
using MeshActors.Tests.Discovery.Dns;

namespace MeshActors.Tests.Discovery.Akka;

/// <summary>The shared provider suite through <c>meshactors-dns</c>: each run is the SRV lookup
/// <c>Lookup("test.local", "mesh", "tcp")</c> against dnsmasq (or a server sending garbage).</summary>
public sealed class DnsServiceDiscoveryConformanceTests : DiscoveryProviderConformance
{
    protected override Task<IProviderTestbed> CreateTestbedAsync() => Task.FromResult<IProviderTestbed>(new DnsmasqTestbed());

    private sealed class DnsmasqTestbed : IProviderTestbed
    {
        private readonly List<IAsyncDisposable> backends = [];

        public string ProviderName => DnsServiceDiscovery.MethodName;

        public async Task<IDiscoveryProvider> ServingAsync(IReadOnlyList<NodeAddress> targets)
        {
            var records = targets.SelectMany((t, i) => new[]
            {
                $"srv-host=_mesh._tcp.test.local,t{i}.test.local,{t.Port},10,50",
                $"host-record=t{i}.test.local,{t.Host}",
            }).Append("txt-record=_mesh._tcp.test.local,\"cluster=demo\"");
            var server = await Dnsmasq.StartAsync(records);
            backends.Add(server);
            return Lookup(server.Server, "test.local");
        }

        public async Task<IDiscoveryProvider> FailingAsync()
        {
            var server = await Dnsmasq.StartAsync(Dnsmasq.TwoNodes);
            backends.Add(server);
            return Lookup(server.Server, "example.org");
        }

        public Task<IDiscoveryProvider> GarbageAsync()
        {
            var server = new GarbageDnsServer();
            backends.Add(server);
            return Task.FromResult(Lookup(server.Server, "test.local", timeoutMs: 300));
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var backend in backends)
            {
                await backend.DisposeAsync();
            }
        }

        private static IDiscoveryProvider Lookup(string server, string service, int timeoutMs = 2000)
        {
            var options = new DnsDiscoveryOptions
            {
                Enabled = false,
                RefreshInterval = TimeSpan.FromSeconds(30),
                Server = server,
                Timeout = TimeSpan.FromMilliseconds(timeoutMs),
                Attempts = 2,
            };
            return new ServiceDiscoveryAsProvider(new DnsServiceDiscovery(options, DnsProviders.Context()), new global::Akka.Discovery.Lookup(service, "mesh", "tcp"));
        }
    }
}
