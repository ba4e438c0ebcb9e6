using System.Net;
using Akka.Actor;
using Akka.Discovery;
using MeshActors.Discovery;
using MeshActors.Discovery.Akka;
using MeshActors.Tests.Discovery.Dns;
using AkkaDiscovery = Akka.Discovery.Discovery;

namespace MeshActors.Tests.Discovery.Akka;

/// <summary><c>meshactors-dns</c> loaded by a plain Akka.NET ActorSystem, against a real dnsmasq.</summary>
public sealed class DnsServiceDiscoveryTests
{
    private static readonly TimeSpan ResolveTimeout = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task A_lookup_with_port_name_and_protocol_returns_dnsmasqs_SRV_targets()
    {
        await using var dns = await Dnsmasq.StartAsync(Dnsmasq.TwoNodes);
        using var system = AkkaSystems.Create($"meshactors.discovery.dns.server = \"{dns.Server}\"");

        var discovery = AkkaDiscovery.Get(system).LoadServiceDiscovery("meshactors-dns");
        var resolved = await discovery.Lookup(new Lookup("test.local", "mesh", "tcp"), ResolveTimeout);

        discovery.Should().BeOfType<DnsServiceDiscovery>();
        resolved.ServiceName.Should().Be("test.local");
        resolved.Addresses.Should().BeEquivalentTo(new[]
        {
            new ServiceDiscovery.ResolvedTarget("node1.test.local", 7946, IPAddress.Parse("127.0.0.11")),
            new ServiceDiscovery.ResolvedTarget("node2.test.local", 7947, IPAddress.Parse("127.0.0.12")),
        }, o => o.ComparingByMembers<ServiceDiscovery.ResolvedTarget>());
        await system.Terminate();
    }

    [Fact]
    public async Task A_lookup_of_a_bare_name_returns_its_A_and_AAAA_addresses_on_the_configured_port()
    {
        await using var dns = await Dnsmasq.StartAsync("host-record=seeds.test.local,127.0.0.21,::1", "host-record=other.test.local,127.0.0.99");
        using var system = AkkaSystems.Create($"meshactors.discovery.dns {{ server = \"{dns.Server}\", port = 7000 }}");

        var resolved = await AkkaDiscovery.Get(system).LoadServiceDiscovery("meshactors-dns").Lookup(new Lookup("seeds.test.local"), ResolveTimeout);

        resolved.Addresses.Should().BeEquivalentTo(new[]
        {
            new ServiceDiscovery.ResolvedTarget("127.0.0.21", 7000, IPAddress.Parse("127.0.0.21")),
            new ServiceDiscovery.ResolvedTarget("::1", 7000, IPAddress.IPv6Loopback),
        }, o => o.ComparingByMembers<ServiceDiscovery.ResolvedTarget>());
        await system.Terminate();
    }

    [Fact]
    public async Task Without_a_configured_port_A_and_AAAA_targets_carry_no_port()
    {
        await using var dns = await Dnsmasq.StartAsync("host-record=seeds.test.local,127.0.0.21");
        using var system = AkkaSystems.Create($"meshactors.discovery.dns.server = \"{dns.Server}\"");

        var resolved = await AkkaDiscovery.Get(system).LoadServiceDiscovery("meshactors-dns").Lookup("seeds.test.local", ResolveTimeout);

        resolved.Addresses.Should().ContainSingle().Which.Should().BeEquivalentTo(
            new ServiceDiscovery.ResolvedTarget("127.0.0.21", null, IPAddress.Parse("127.0.0.21")), o => o.ComparingByMembers<ServiceDiscovery.ResolvedTarget>());
        await system.Terminate();
    }

    [Fact]
    public async Task The_default_method_set_to_meshactors_dns_is_this_plugin()
    {
        await using var dns = await Dnsmasq.StartAsync(Dnsmasq.TwoNodes);
        using var system = AkkaSystems.Create($"akka.discovery.method = meshactors-dns\nmeshactors.discovery.dns.server = \"{dns.Server}\"");

        var discovery = AkkaDiscovery.Get(system).Default;
        var resolved = await discovery.Lookup(Lookup.ParseSrv("_mesh._tcp.test.local"), ResolveTimeout);

        discovery.Should().BeOfType<DnsServiceDiscovery>().Which.Method.Should().Be("meshactors-dns");
        resolved.Addresses.Select(a => (a.Host, a.Port)).Should().BeEquivalentTo(new[] { ("node1.test.local", (int?)7946), ("node2.test.local", (int?)7947) });
        await system.Terminate();
    }

    [Fact]
    public async Task An_invalid_setting_fails_the_load_naming_the_setting()
    {
        using var system = AkkaSystems.Create("meshactors.discovery.dns { server = \"not-an-address\", attempts = 99 }");

        var act = () => AkkaDiscovery.Get(system).LoadServiceDiscovery("meshactors-dns");

        var error = act.Should().Throw<Exception>().Which;
        error.Should().BeOfType<System.Reflection.TargetInvocationException>("Akka.Discovery creates methods by reflection")
            .Which.InnerException.Should().BeOfType<global::Akka.Configuration.ConfigurationException>();
        AkkaSystems.Messages(error).Should().Contain("akka.discovery.meshactors-dns").And.Contain("meshactors.discovery.dns.server").And.Contain("meshactors.discovery.dns.attempts");
        await system.Terminate();
    }

    [Fact]
    public async Task A_name_that_does_not_exist_fails_naming_the_method_and_what_to_check()
    {
        await using var dns = await Dnsmasq.StartAsync(Dnsmasq.TwoNodes);
        using var system = AkkaSystems.Create($"meshactors.discovery.dns.server = \"{dns.Server}\"");

        var act = () => AkkaDiscovery.Get(system).LoadServiceDiscovery("meshactors-dns").Lookup(new Lookup("missing.test.local", "mesh", "tcp"), ResolveTimeout);

        var error = (await act.Should().ThrowAsync<DiscoveryException>()).Which;
        error.Message.Should().StartWith("meshactors-dns: ").And.Contain("_mesh._tcp.missing.test.local").And.Contain("meshactors.discovery.dns.");
        await system.Terminate();
    }

    [Fact]
    public async Task A_server_that_never_answers_fails_within_the_resolve_timeout_naming_the_method()
    {
        using var silent = new SilentUdpServer();
        using var system = AkkaSystems.Create($"meshactors.discovery.dns {{ server = \"{silent.Server}\", timeout = 5s, attempts = 3 }}");
        var discovery = AkkaDiscovery.Get(system).LoadServiceDiscovery("meshactors-dns");

        var started = DateTime.UtcNow;
        var act = () => discovery.Lookup(new Lookup("test.local", "mesh", "tcp"), TimeSpan.FromMilliseconds(400));

        var error = (await act.Should().ThrowAsync<TimeoutException>()).Which;
        (DateTime.UtcNow - started).Should().BeLessThan(TimeSpan.FromSeconds(3));
        error.Message.Should().Contain("meshactors-dns").And.Contain("400 ms").And.Contain("meshactors.discovery.dns.server");
        await system.Terminate();
    }

    [Theory]
    [InlineData("test.local", "mesh", "tcp", "_mesh._tcp.test.local", true)]
    [InlineData("test.local.", "akka-remote", "tcp", "_akka-remote._tcp.test.local", true)]
    [InlineData("seeds.test.local", null, null, "seeds.test.local", false)]
    [InlineData("seeds.test.local", "mesh", null, "seeds.test.local", false)]
    public void The_lookup_follows_Akkas_DNS_convention(string service, string? portName, string? protocol, string name, bool srv)
    {
        DnsServiceDiscovery.QueryFor(new Lookup(service, portName!, protocol!)).Should().Be((name, srv));
    }

    [Fact]
    public void A_service_name_that_is_not_a_domain_name_is_a_DiscoveryException()
    {
        var act = () => DnsServiceDiscovery.QueryFor(new Lookup("bad..name"));

        act.Should().Throw<DiscoveryException>().WithMessage("*bad..name*valid domain name*");
    }
}
