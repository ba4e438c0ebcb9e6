using MeshActors.Discovery.Akka;
using AkkaDiscovery = Akka.Discovery.Discovery;

namespace MeshActors.Tests.Discovery.Akka;

/// <summary>Selecting a method turns its provider on, so its required settings are checked at load.</summary>
public sealed class PlatformServiceDiscoveryTests
{
    [Theory]
    [InlineData("meshactors-http", "meshactors.discovery.http.url")]
    public async Task A_method_without_its_required_setting_fails_the_load_naming_it(string method, string setting)
    {
        using var system = AkkaSystems.Create("");

        var act = () => AkkaDiscovery.Get(system).LoadServiceDiscovery(method);

        AkkaSystems.Messages(act.Should().Throw<Exception>().Which).Should().Contain("akka.discovery." + method).And.Contain(setting);
        await system.Terminate();
    }

    [Fact]
    public async Task mDNS_needs_a_remoting_address_to_advertise()
    {
        using var system = AkkaSystems.Create($"meshactors.node.data-dir = \"{Path.Combine(Path.GetTempPath(), "meshactors-akka-mdns-" + Guid.NewGuid().ToString("N"))}\"");

        var act = () => AkkaDiscovery.Get(system).LoadServiceDiscovery(MdnsServiceDiscovery.MethodName);

        AkkaSystems.Messages(act.Should().Throw<Exception>().Which).Should().Contain("akka.discovery.meshactors-mdns").And.Contain("Akka.Remote");
        await system.Terminate();
    }

    [Fact]
    public async Task The_peer_cache_method_reads_an_empty_cache_as_no_targets()
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "meshactors-akka-cache-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var system = AkkaSystems.Create($"meshactors.node.data-dir = \"{dataDir}\"");

            var discovery = AkkaDiscovery.Get(system).LoadServiceDiscovery(PeerCacheServiceDiscovery.MethodName);
            var resolved = await discovery.Lookup("svc", TimeSpan.FromSeconds(5));

            discovery.Should().BeOfType<PeerCacheServiceDiscovery>();
            resolved.Addresses.Should().BeEmpty();
            await system.Terminate();
        }
        finally
        {
            Directory.Delete(dataDir, recursive: true);
        }
    }
}
