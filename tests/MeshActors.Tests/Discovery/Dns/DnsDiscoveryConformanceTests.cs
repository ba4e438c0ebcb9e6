using MeshActors.Discovery;

namespace MeshActors.Tests.Discovery.Dns;

/// <summary>The shared provider suite against dnsmasq serving SRV records and their A records.</summary>
public sealed class DnsDiscoveryConformanceTests : DiscoveryProviderConformance
{
    protected override Task<IProviderTestbed> CreateTestbedAsync() => Task.FromResult<IProviderTestbed>(new DnsmasqTestbed());

    private sealed class DnsmasqTestbed : IProviderTestbed
    {
        private readonly List<IAsyncDisposable> backends = [];

        public string ProviderName => "dns";

        public async Task<IDiscoveryProvider> ServingAsync(IReadOnlyList<NodeAddress> targets)
        {
            var records = targets.SelectMany((t, i) => new[]
            {
                $"srv-host=_mesh._tcp.test.local,t{i}.test.local,{t.Port},10,50",
                $"host-record=t{i}.test.local,{t.Host}",
            }).Append("txt-record=_mesh._tcp.test.local,\"cluster=demo\"");
            var server = await Dnsmasq.StartAsync(records);
            backends.Add(server);
            return DnsProviders.Create(server.Server, srv: "_mesh._tcp.test.local");
        }

        public async Task<IDiscoveryProvider> FailingAsync()
        {
            var server = await Dnsmasq.StartAsync(Dnsmasq.TwoNodes);
            backends.Add(server);
            return DnsProviders.Create(server.Server, srv: "_mesh._tcp.example.org");
        }

        public Task<IDiscoveryProvider> GarbageAsync()
        {
            var server = new GarbageDnsServer();
            backends.Add(server);
            return Task.FromResult<IDiscoveryProvider>(DnsProviders.Create(server.Server, srv: "_mesh._tcp.test.local", timeoutMs: 300, attempts: 2));
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var backend in backends)
            {
                await backend.DisposeAsync();
            }
        }
    }
}
