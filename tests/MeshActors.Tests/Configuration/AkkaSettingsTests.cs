using Akka.Configuration;
using MeshActors.Configuration;
using MeshActors.Hosting;

namespace MeshActors.Tests.Configuration;

/// <summary>The akka.* HOCON MeshActors writes from its options, read back with Akka's own parser.</summary>
public sealed class AkkaSettingsTests
{
    private static Config Akka(params string[] overrides) =>
        ConfigurationFactory.ParseString(AkkaSettings.Hocon(MeshConfigLoader.Load(new ConfigSources { Overrides = overrides }).Options));

    [Theory]
    [InlineData("lan", 500, 1500, 8.0, 500, 250, 500, 2000, 15000, 5)]
    [InlineData("local", 250, 1000, 8.0, 250, 200, 250, 1500, 10000, 5)]
    [InlineData("wan", 1000, 6000, 10.0, 1000, 1000, 1000, 15000, 45000, 9)]
    public void Each_profile_sets_akkas_failure_detector_gossip_and_split_brain_resolver(
        string profile, int heartbeatMs, int pauseMs, double threshold, int gossipMs, int leaderMs, int reaperMs, int stableMs, int downAllMs, int monitoredBy)
    {
        var akka = Akka("meshactors.membership.profile=" + profile);

        akka.GetTimeSpan("akka.cluster.failure-detector.heartbeat-interval").Should().Be(TimeSpan.FromMilliseconds(heartbeatMs));
        akka.GetTimeSpan("akka.cluster.failure-detector.acceptable-heartbeat-pause").Should().Be(TimeSpan.FromMilliseconds(pauseMs));
        akka.GetDouble("akka.cluster.failure-detector.threshold").Should().Be(threshold);
        akka.GetInt("akka.cluster.failure-detector.monitored-by-nr-of-members").Should().Be(monitoredBy);
        akka.GetTimeSpan("akka.cluster.gossip-interval").Should().Be(TimeSpan.FromMilliseconds(gossipMs));
        akka.GetTimeSpan("akka.cluster.leader-actions-interval").Should().Be(TimeSpan.FromMilliseconds(leaderMs));
        akka.GetTimeSpan("akka.cluster.unreachable-nodes-reaper-interval").Should().Be(TimeSpan.FromMilliseconds(reaperMs));
        akka.GetTimeSpan("akka.cluster.split-brain-resolver.stable-after").Should().Be(TimeSpan.FromMilliseconds(stableMs));
        akka.GetTimeSpan("akka.cluster.split-brain-resolver.down-all-when-unstable").Should().Be(TimeSpan.FromMilliseconds(downAllMs));
        akka.GetString("akka.cluster.split-brain-resolver.active-strategy").Should().Be("keep-majority");
        akka.GetString("akka.cluster.downing-provider-class").Should().Be("Akka.Cluster.SBR.SplitBrainResolverProvider, Akka.Cluster");
        akka.GetString("akka.actor.provider").Should().Be("cluster");
    }

    [Fact]
    public void A_tuned_knob_of_the_chosen_profile_reaches_akka()
    {
        var akka = Akka("meshactors.membership.profiles.lan.stable-after=3s");

        akka.GetTimeSpan("akka.cluster.split-brain-resolver.stable-after").Should().Be(TimeSpan.FromSeconds(3));
    }

    [Fact]
    public void Remoting_carries_the_transport_settings_with_tls_on_by_default()
    {
        var akka = Akka("meshactors.transport.port=7950", "meshactors.transport.advertised-host=node-1.example.com", "meshactors.node.metadata.roles=[worker, \"front end\"]");

        akka.GetString("akka.remote.dot-netty.tcp.hostname").Should().Be("127.0.0.1");
        akka.GetInt("akka.remote.dot-netty.tcp.port").Should().Be(7950);
        akka.GetString("akka.remote.dot-netty.tcp.public-hostname").Should().Be("node-1.example.com");
        akka.GetBoolean("akka.remote.dot-netty.tcp.enable-ssl").Should().BeTrue();
        akka.GetByteSize("akka.remote.dot-netty.tcp.maximum-frame-size").Should().Be(4 * 1024 * 1024);
        akka.GetTimeSpan("akka.remote.dot-netty.tcp.connection-timeout").Should().Be(TimeSpan.FromSeconds(5));
        akka.GetStringList("akka.cluster.roles").Should().Equal("worker", "front end");
    }

    [Fact]
    public void Seed_nodes_are_ssl_addresses_sorted_by_address_with_tls_on()
    {
        var akka = Akka("meshactors.cluster.id=payments", "meshactors.discovery.static.seeds=[\"10.0.0.10:7946\", \"10.0.0.2:7947\", \"10.0.0.2:7946\", \"10.0.0.2:7946\"]");

        akka.GetStringList("akka.cluster.seed-nodes").Should().Equal(
            "akka.ssl.tcp://payments@10.0.0.2:7946",
            "akka.ssl.tcp://payments@10.0.0.2:7947",
            "akka.ssl.tcp://payments@10.0.0.10:7946");
    }

    [Fact]
    public void Insecure_mode_uses_plain_tcp_addresses_and_turns_ssl_off()
    {
        var akka = Akka("meshactors.transport.tls.mode=insecure", "meshactors.discovery.static.seeds=[\"10.0.0.2:7946\", \"10.0.0.1:7946\"]");

        akka.GetStringList("akka.cluster.seed-nodes").Should().Equal("akka.tcp://meshactors@10.0.0.1:7946", "akka.tcp://meshactors@10.0.0.2:7946");
        akka.GetBoolean("akka.remote.dot-netty.tcp.enable-ssl").Should().BeFalse();
    }

    [Fact]
    public void The_event_wire_has_its_own_serializer_and_binding()
    {
        var akka = Akka();

        akka.GetString("akka.actor.serializers.mesh-events").Should().Be("MeshActors.Events.Delivery.EventWireSerializer, MeshActors");
        akka.GetString("akka.actor.serialization-bindings.\"MeshActors.Events.Delivery.IEventWire, MeshActors\"").Should().Be("mesh-events");
    }

    [Fact]
    public void No_seeds_means_an_empty_seed_list()
    {
        Akka().GetStringList("akka.cluster.seed-nodes").Should().BeEmpty();
    }

    [Fact]
    public void The_overlay_serializer_is_registered_and_bound_to_every_overlay_message()
    {
        var akka = Akka();

        akka.GetString("akka.actor.serializers.mesh-overlay").Should().Be("MeshActors.Views.Wire.OverlaySerializer, MeshActors");
        akka.GetConfig("akka.actor.serialization-bindings").AsEnumerable().Select(b => (b.Key, b.Value.GetString()))
            .Should().Contain(("MeshActors.Views.Wire.IOverlayWire, MeshActors", "mesh-overlay"));
        akka.GetConfig("akka.actor.serialization-identifiers").AsEnumerable().Select(b => (b.Key, b.Value.GetInt()))
            .Should().Equal(("MeshActors.Views.Wire.OverlaySerializer, MeshActors", 9713));
    }
}
