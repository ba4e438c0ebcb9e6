using Akka.Actor;
using Akka.Configuration;
using Akka.Discovery;
using Akka.Hosting;
using MeshActors.Discovery.Akka;
using MeshActors.Tests.Discovery.Dns;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using AkkaDiscovery = Akka.Discovery.Discovery;

namespace MeshActors.Tests.Discovery.Akka;

/// <summary><c>WithMeshActorsDiscovery()</c> in an Akka.Hosting application with no MeshActors node.</summary>
public sealed class HostingTests
{
    [Fact]
    public async Task WithMeshActorsDiscovery_registers_the_methods_and_sets_the_default()
    {
        await using var dns = await Dnsmasq.StartAsync(Dnsmasq.TwoNodes);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddAkka("demo", akka => akka
            .AddHocon(ConfigurationFactory.ParseString($"meshactors.discovery.dns.server = \"{dns.Server}\""), HoconAddMode.Prepend)
            .WithMeshActorsDiscovery(DnsServiceDiscovery.MethodName));
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            var system = host.Services.GetRequiredService<ActorSystem>();
            var resolved = await AkkaDiscovery.Get(system).Default.Lookup(new Lookup("test.local", "mesh", "tcp"), TimeSpan.FromSeconds(3));

            resolved.Addresses.Select(a => (a.Host, a.Port)).Should().BeEquivalentTo(new[] { ("node1.test.local", (int?)7946), ("node2.test.local", (int?)7947) });
            AkkaDiscovery.Get(system).LoadServiceDiscovery("meshactors-static").Should().BeOfType<StaticServiceDiscovery>();
        }
        finally
        {
            await host.StopAsync();
        }
    }

    [Fact]
    public void An_unknown_default_method_is_refused()
    {
        var act = () => new AkkaConfigurationBuilder(new ServiceCollection(), "demo").WithMeshActorsDiscovery("meshactors-nope");

        act.Should().Throw<ArgumentException>().WithMessage("*meshactors-nope*meshactors-dns*");
    }
}
