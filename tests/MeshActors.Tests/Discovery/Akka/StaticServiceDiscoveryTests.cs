using System.Net;
using Akka.Discovery;
using MeshActors.Discovery.Akka;
using AkkaDiscovery = Akka.Discovery.Discovery;

namespace MeshActors.Tests.Discovery.Akka;

/// <summary><c>meshactors-static</c> loaded by a plain Akka.NET ActorSystem.</summary>
public sealed class StaticServiceDiscoveryTests
{
    [Fact]
    public async Task Every_lookup_returns_the_configured_seeds()
    {
        using var system = AkkaSystems.Create("meshactors.discovery.static.contact-points = [\"10.0.0.1:4053\", \"seed.example.com:4054\", \"[::1]:4055\", \"10.0.0.1:4053\"]");

        var discovery = AkkaDiscovery.Get(system).LoadServiceDiscovery("meshactors-static");
        var resolved = await discovery.Lookup(new Lookup("any-service"), TimeSpan.FromSeconds(1));

        discovery.Should().BeOfType<StaticServiceDiscovery>();
        resolved.ServiceName.Should().Be("any-service");
        resolved.Addresses.Should().BeEquivalentTo(new[]
        {
            new ServiceDiscovery.ResolvedTarget("10.0.0.1", 4053, IPAddress.Parse("10.0.0.1")),
            new ServiceDiscovery.ResolvedTarget("seed.example.com", 4054, null!),
            new ServiceDiscovery.ResolvedTarget("::1", 4055, IPAddress.IPv6Loopback),
        }, o => o.WithStrictOrdering().ComparingByMembers<ServiceDiscovery.ResolvedTarget>());
        await system.Terminate();
    }

    [Fact]
    public async Task No_seeds_is_an_empty_answer()
    {
        using var system = AkkaSystems.Create("");

        var resolved = await AkkaDiscovery.Get(system).LoadServiceDiscovery("meshactors-static").Lookup("svc", TimeSpan.FromSeconds(1));

        resolved.Addresses.Should().BeEmpty();
        await system.Terminate();
    }

    [Fact]
    public async Task A_seed_that_is_not_host_port_fails_the_load_naming_it()
    {
        using var system = AkkaSystems.Create("meshactors.discovery.static.contact-points = [\"10.0.0.1:4053\", \"no-port\"]");

        var act = () => AkkaDiscovery.Get(system).LoadServiceDiscovery("meshactors-static");

        AkkaSystems.Messages(act.Should().Throw<Exception>().Which).Should().Contain("meshactors.discovery.static.contact-points.1").And.Contain("no-port");
        await system.Terminate();
    }
}
