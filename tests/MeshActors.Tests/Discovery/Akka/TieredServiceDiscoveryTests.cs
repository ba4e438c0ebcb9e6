using System.Text.Json;
using Akka.Actor;
using Akka.Actor.Setup;
using Akka.Configuration;
using Akka.Discovery;
using MeshActors.Discovery;
using MeshActors.Discovery.Akka;
using MeshActors.Discovery.Coordination;
using MeshActors.Tests.Discovery.Fixtures;
using Prometheus;

namespace MeshActors.Tests.Discovery.Akka;

/// <summary>The <c>meshactors</c> method in a real ActorSystem: static.contact-points and the HTTPS rendezvous fixture.</summary>
public sealed class TieredServiceDiscoveryTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_node_s_own_bootstrap_endpoint_is_always_a_target_once_and_only_once()
    {
        using var system = AkkaSystems.Create("""meshactors.discovery.static.contact-points = ["10.0.0.11:8558"]""");
        var method = global::Akka.Discovery.Discovery.Get(system).LoadServiceDiscovery(TieredServiceDiscovery.MethodName);
        (await method.Lookup(new Lookup("any"), Timeout)).Addresses.Select(a => $"{a.Address}:{a.Port}").Should().Equal(["10.0.0.11:8558"], "a plain application has no self");

        // Akka's join decider forms a cluster only on the node that finds itself among the contact
        // points; mDNS and the peer cache leave this node out, so the method adds it.
        MeshDiscovery.Get(system).SetSelf(new NodeAddress("10.0.0.12", 8558));
        (await method.Lookup(new Lookup("any"), Timeout)).Addresses.Select(a => $"{a.Address}:{a.Port}").Should().Equal(["10.0.0.11:8558", "10.0.0.12:8558"]);

        MeshDiscovery.Get(system).SetSelf(new NodeAddress("10.0.0.11", 8558));
        (await method.Lookup(new Lookup("any"), Timeout)).Addresses.Select(a => $"{a.Address}:{a.Port}").Should().Equal(["10.0.0.11:8558"], "a self the providers already list is not added twice");
    }

    [Fact]
    public async Task A_lookup_gives_static_then_http_targets_deduplicated_with_health_and_metrics()
    {
        await using var server = await FixtureHttpsServer.StartAsync(FixtureHttpsServer.Answer(200, JsonSerializer.Serialize(new { seeds = new[] { "10.0.0.21:7946", "10.0.0.11:7946", "10.0.0.22:7946" } })));
        using var system = AkkaSystems.Create($$"""
            meshactors.discovery {
              static.contact-points = ["10.0.0.11:7946", "10.0.0.12:7946"]
              static.fallback-seeds = ["10.9.9.9:7946"]
              http { enabled = true, url = "{{new Uri(server.BaseUri, "/seeds.json")}}", ca = "{{FixtureHttpsServer.CaPemPath}}" }
            }
            """);

        var resolved = await global::Akka.Discovery.Discovery.Get(system).LoadServiceDiscovery(TieredServiceDiscovery.MethodName).Lookup(new Lookup("any"), Timeout);

        var hosts = resolved.Addresses.Select(a => $"{a.Address}:{a.Port}").ToList();
        hosts.Take(2).Should().BeEquivalentTo(["10.0.0.11:7946", "10.0.0.12:7946"], "the static tier comes first");
        hosts.Skip(2).Should().BeEquivalentTo(["10.0.0.21:7946", "10.0.0.22:7946"], "then http, without the address static already gave, and no fallback");

        var discovery = MeshDiscovery.Get(system);
        var contacts = await discovery.ContactsAsync(Timeout);
        contacts.Single(c => c.Address.ToString() == "10.0.0.11:7946").Provider.Should().Be("static");
        contacts.Single(c => c.Address.ToString() == "10.0.0.21:7946").Tier.Should().Be(DiscoveryTier.Platform);
        var health = await discovery.HealthAsync(Timeout);
        health.Single(h => h.Name == "http").State.Should().Be(ProviderState.Ok);
        health.Single(h => h.Name == "http").Targets.Should().HaveCount(3);
        health.Single(h => h.Name == "dns").State.Should().Be(ProviderState.Disabled);
        health.Single(h => h.Name == "fallback").Enabled.Should().BeTrue();
        (await Export(discovery.MetricsRegistry)).Should().Contain("meshactors_discovery_runs_total{provider=\"http\",outcome=\"ok\"} 1");
    }

    [Fact]
    public async Task Only_fallback_seeds_are_returned_when_nothing_else_yields_and_a_failing_provider_is_keep_looking()
    {
        await using var server = await FixtureHttpsServer.StartAsync(FixtureHttpsServer.Answer(500, "down"));
        using var system = AkkaSystems.Create($$"""
            meshactors.discovery {
              static.fallback-seeds = ["10.9.9.9:7946"]
              http { enabled = true, url = "{{new Uri(server.BaseUri, "/seeds.json")}}", ca = "{{FixtureHttpsServer.CaPemPath}}" }
            }
            """);

        var resolved = await new TieredServiceDiscovery((ExtendedActorSystem)system).Lookup(new Lookup("any"), Timeout);

        resolved.Addresses.Select(a => $"{a.Host}:{a.Port}").Should().Equal("10.9.9.9:7946");
        (await MeshDiscovery.Get(system).HealthAsync(Timeout)).Single(h => h.Name == "http").LastError.Should().Contain("500");
    }

    [Fact]
    public async Task Manual_introductions_join_the_static_tier_and_survive_a_restart_when_persisted()
    {
        var dataDir = Directory.CreateTempSubdirectory("meshactors-manual-").FullName;
        try
        {
            var context = DiscoveryTestContext.Create() with { DataDir = dataDir };
            using (var system = Create(context))
            {
                var discovery = MeshDiscovery.Get(system);
                discovery.AddManual(new ContactPoint(NodeAddress.Parse("10.0.0.77:7946"), "meshctl") { NodeId = "n77", Fingerprint = "sha256:77" });
                await AwaitAsync(async () => (await discovery.ContactsAsync(Timeout)).Any(c => c.Address.Port == 7946 && c.Provider == "manual" && c.Point.NodeId == "n77"));
                File.Exists(Path.Combine(dataDir, "manual-contacts.json")).Should().BeTrue();
            }

            using (var again = Create(context))
            {
                var discovery = MeshDiscovery.Get(again);
                discovery.Manual.Single().Fingerprint.Should().Be("sha256:77");
                discovery.RemoveManual(NodeAddress.Parse("10.0.0.77:7946")).Should().BeTrue();
                await AwaitAsync(async () => (await discovery.ContactsAsync(Timeout)).Count == 0);
                discovery.RemoveManual(NodeAddress.Parse("10.0.0.77:7946")).Should().BeFalse();
            }
        }
        finally
        {
            Directory.Delete(dataDir, recursive: true);
        }
    }

    private static ActorSystem Create(DiscoveryContext context)
    {
        var setup = BootstrapSetup.Create().WithConfig(MeshActorsDiscoveryConfig.Default).And(new MeshDiscoverySetup(context));
        return ActorSystem.Create("demo", setup);
    }

    private static async Task AwaitAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (!await condition())
        {
            DateTime.UtcNow.Should().BeBefore(deadline, "the condition should hold within the deadline");
            await Task.Delay(20);
        }
    }

    private static async Task<string> Export(CollectorRegistry registry)
    {
        using var stream = new MemoryStream();
        await registry.CollectAndExportAsTextAsync(stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
