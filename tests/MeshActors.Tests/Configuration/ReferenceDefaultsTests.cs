using MeshActors.Configuration;
using MeshActors.Configuration.Hocon;
using Microsoft.Extensions.Logging;

namespace MeshActors.Tests.Configuration;

/// <summary>Pins every default of reference.conf, so the documentation and the code cannot drift:
/// adding, removing or changing a setting fails here until this table says the same.</summary>
public sealed class ReferenceDefaultsTests
{
    private static readonly Dictionary<string, string?> Pinned = new()
    {
        ["meshactors:node:id"] = "",
        ["meshactors:node:data-dir"] = "meshactors-data",
        ["meshactors:node:metadata:role"] = "",
        ["meshactors:node:metadata:region"] = "",
        ["meshactors:node:metadata:zone"] = "",
        ["meshactors:node:metadata:capacity"] = "100",
        ["meshactors:cluster:id"] = "meshactors",
        ["meshactors:control:enabled"] = "true",
        ["meshactors:control:host"] = "127.0.0.1",
        ["meshactors:control:port"] = "7070",
        ["meshactors:transport:host"] = "127.0.0.1",
        ["meshactors:transport:port"] = "7946",
        ["meshactors:transport:advertised-host"] = "",
        ["meshactors:transport:max-message-size"] = "4MiB",
        ["meshactors:transport:connections-per-peer"] = "1",
        ["meshactors:transport:connect-timeout"] = "5s",
        ["meshactors:transport:inbound-rate-limit:messages-per-second"] = "50000",
        ["meshactors:transport:inbound-rate-limit:burst"] = "10000",
        ["meshactors:transport:tls:mode"] = "mutual",
        ["meshactors:transport:tls:ca"] = "",
        ["meshactors:transport:tls:cert"] = "",
        ["meshactors:transport:tls:key"] = "",
        ["meshactors:transport:tls:reload-check-interval"] = "5s",
        ["meshactors:discovery:failure-backoff:min"] = "1s",
        ["meshactors:discovery:failure-backoff:max"] = "60s",
        ["meshactors:discovery:dns:enabled"] = "false",
        ["meshactors:discovery:dns:refresh-interval"] = "30s",
        ["meshactors:discovery:dns:srv"] = "",
        ["meshactors:discovery:dns:host"] = "",
        ["meshactors:discovery:dns:port"] = "0",
        ["meshactors:discovery:dns:server"] = "",
        ["meshactors:discovery:dns:timeout"] = "2s",
        ["meshactors:discovery:dns:attempts"] = "2",

        ["meshactors:discovery:mdns:enabled"] = "false",
        ["meshactors:discovery:mdns:refresh-interval"] = "10s",
        ["meshactors:discovery:mdns:interface"] = "",
        ["meshactors:discovery:mdns:service-type"] = "_meshactors._tcp",
        ["meshactors:discovery:mdns:browse-window"] = "500ms",
        ["meshactors:discovery:mdns:ttl"] = "120s",
        ["meshactors:discovery:mdns:max-packets-per-second"] = "200",
        ["meshactors:discovery:mdns:max-peers"] = "256",

        ["meshactors:discovery:kubernetes:enabled"] = "false",
        ["meshactors:discovery:kubernetes:refresh-interval"] = "10s",
        ["meshactors:discovery:kubernetes:mode"] = "pods",
        ["meshactors:discovery:kubernetes:api-server"] = "",
        ["meshactors:discovery:kubernetes:namespace"] = "",
        ["meshactors:discovery:kubernetes:namespace-path"] = "/var/run/secrets/kubernetes.io/serviceaccount/namespace",
        ["meshactors:discovery:kubernetes:token-path"] = "/var/run/secrets/kubernetes.io/serviceaccount/token",
        ["meshactors:discovery:kubernetes:ca-path"] = "/var/run/secrets/kubernetes.io/serviceaccount/ca.crt",
        ["meshactors:discovery:kubernetes:label-selector"] = "app.kubernetes.io/name=meshactors",
        ["meshactors:discovery:kubernetes:service-name"] = "",
        ["meshactors:discovery:kubernetes:port"] = "0",
        ["meshactors:discovery:kubernetes:container-name"] = "",
        ["meshactors:discovery:kubernetes:container-port-name"] = "",
        ["meshactors:discovery:kubernetes:include-not-ready"] = "false",
        ["meshactors:discovery:kubernetes:cluster-domain"] = "cluster.local",
        ["meshactors:discovery:kubernetes:request-timeout"] = "5s",

        ["meshactors:discovery:aws:enabled"] = "false",
        ["meshactors:discovery:aws:refresh-interval"] = "60s",
        ["meshactors:discovery:aws:region"] = "",
        ["meshactors:discovery:aws:endpoint"] = "",
        ["meshactors:discovery:aws:port"] = "0",
        ["meshactors:discovery:aws:port-tag"] = "",
        ["meshactors:discovery:aws:request-timeout"] = "10s",

        ["meshactors:discovery:http:enabled"] = "false",
        ["meshactors:discovery:http:refresh-interval"] = "30s",
        ["meshactors:discovery:http:url"] = "",
        ["meshactors:discovery:http:timeout"] = "5s",
        ["meshactors:discovery:http:ca"] = "",

        ["meshactors:discovery:peer-cache:enabled"] = "true",
        ["meshactors:discovery:peer-cache:refresh-interval"] = "30s",
        ["meshactors:discovery:peer-cache:file"] = "peers.db",
        ["meshactors:discovery:peer-cache:max-peers"] = "1024",
        ["meshactors:discovery:peer-cache:max-contact-points"] = "16",
        ["meshactors:discovery:peer-cache:forget-after"] = "7d",
        ["meshactors:discovery:bootstrap:required-contact-points"] = "2",
        ["meshactors:discovery:bootstrap:stable-margin"] = "3s",
        ["meshactors:discovery:bootstrap:probe-interval"] = "500ms",
        ["meshactors:discovery:bootstrap:probe-timeout"] = "2s",
        ["meshactors:discovery:bootstrap:probe-jitter"] = "100ms",
        ["meshactors:discovery:bootstrap:backoff:min"] = "200ms",
        ["meshactors:discovery:bootstrap:backoff:max"] = "10s",
        ["meshactors:discovery:bootstrap:enough-peers"] = "3",
        ["meshactors:discovery:bootstrap:form-new-cluster"] = "true",
        ["meshactors:discovery:bootstrap:heal-interval"] = "30s",
        ["meshactors:membership:profile"] = "lan",
        ["meshactors:membership:profiles:base:probe-interval"] = "1s",
        ["meshactors:membership:profiles:base:probe-timeout"] = "500ms",
        ["meshactors:membership:profiles:base:indirect-checks"] = "3",
        ["meshactors:membership:profiles:base:suspicion-mult"] = "4",
        ["meshactors:membership:profiles:base:suspicion-max-timeout-mult"] = "6",
        ["meshactors:membership:profiles:base:retransmit-mult"] = "4",
        ["meshactors:membership:profiles:base:gossip-interval"] = "200ms",
        ["meshactors:membership:profiles:base:gossip-nodes"] = "3",
        ["meshactors:membership:profiles:base:gossip-to-the-dead"] = "30s",
        ["meshactors:membership:profiles:base:push-pull-interval"] = "30s",
        ["meshactors:membership:profiles:base:awareness-max-multiplier"] = "8",
        ["meshactors:membership:profiles:base:tombstone-ttl"] = "60s",
        ["meshactors:membership:profiles:base:max-piggyback-bytes"] = "1400",
        ["meshactors:membership:profiles:base:join-retry-interval"] = "1s",
        ["meshactors:membership:profiles:base:leave-timeout"] = "2s",
        ["meshactors:membership:profiles:local:probe-interval"] = "1s",
        ["meshactors:membership:profiles:local:probe-timeout"] = "200ms",
        ["meshactors:membership:profiles:local:indirect-checks"] = "3",
        ["meshactors:membership:profiles:local:suspicion-mult"] = "3",
        ["meshactors:membership:profiles:local:suspicion-max-timeout-mult"] = "6",
        ["meshactors:membership:profiles:local:retransmit-mult"] = "4",
        ["meshactors:membership:profiles:local:gossip-interval"] = "100ms",
        ["meshactors:membership:profiles:local:gossip-nodes"] = "3",
        ["meshactors:membership:profiles:local:gossip-to-the-dead"] = "15s",
        ["meshactors:membership:profiles:local:push-pull-interval"] = "15s",
        ["meshactors:membership:profiles:local:awareness-max-multiplier"] = "8",
        ["meshactors:membership:profiles:local:tombstone-ttl"] = "30s",
        ["meshactors:membership:profiles:local:max-piggyback-bytes"] = "1400",
        ["meshactors:membership:profiles:local:join-retry-interval"] = "1s",
        ["meshactors:membership:profiles:local:leave-timeout"] = "2s",
        ["meshactors:membership:profiles:lan:probe-interval"] = "1s",
        ["meshactors:membership:profiles:lan:probe-timeout"] = "500ms",
        ["meshactors:membership:profiles:lan:indirect-checks"] = "3",
        ["meshactors:membership:profiles:lan:suspicion-mult"] = "4",
        ["meshactors:membership:profiles:lan:suspicion-max-timeout-mult"] = "6",
        ["meshactors:membership:profiles:lan:retransmit-mult"] = "4",
        ["meshactors:membership:profiles:lan:gossip-interval"] = "200ms",
        ["meshactors:membership:profiles:lan:gossip-nodes"] = "3",
        ["meshactors:membership:profiles:lan:gossip-to-the-dead"] = "30s",
        ["meshactors:membership:profiles:lan:push-pull-interval"] = "30s",
        ["meshactors:membership:profiles:lan:awareness-max-multiplier"] = "8",
        ["meshactors:membership:profiles:lan:tombstone-ttl"] = "60s",
        ["meshactors:membership:profiles:lan:max-piggyback-bytes"] = "1400",
        ["meshactors:membership:profiles:lan:join-retry-interval"] = "1s",
        ["meshactors:membership:profiles:lan:leave-timeout"] = "2s",
        ["meshactors:membership:profiles:wan:probe-interval"] = "5s",
        ["meshactors:membership:profiles:wan:probe-timeout"] = "3s",
        ["meshactors:membership:profiles:wan:indirect-checks"] = "3",
        ["meshactors:membership:profiles:wan:suspicion-mult"] = "6",
        ["meshactors:membership:profiles:wan:suspicion-max-timeout-mult"] = "6",
        ["meshactors:membership:profiles:wan:retransmit-mult"] = "4",
        ["meshactors:membership:profiles:wan:gossip-interval"] = "500ms",
        ["meshactors:membership:profiles:wan:gossip-nodes"] = "4",
        ["meshactors:membership:profiles:wan:gossip-to-the-dead"] = "60s",
        ["meshactors:membership:profiles:wan:push-pull-interval"] = "60s",
        ["meshactors:membership:profiles:wan:awareness-max-multiplier"] = "8",
        ["meshactors:membership:profiles:wan:tombstone-ttl"] = "5m",
        ["meshactors:membership:profiles:wan:max-piggyback-bytes"] = "1400",
        ["meshactors:membership:profiles:wan:join-retry-interval"] = "5s",
        ["meshactors:membership:profiles:wan:leave-timeout"] = "5s",
        ["meshactors:actors:throughput"] = "32",
        ["meshactors:actors:supervision:min-backoff"] = "100ms",
        ["meshactors:actors:supervision:max-backoff"] = "10s",
        ["meshactors:actors:supervision:random-factor"] = "0.2",
        ["meshactors:actors:supervision:reset-after"] = "30s",
        ["meshactors:shutdown:timeout"] = "5s",
        ["meshactors:logging:level"] = "Information",
    };

    [Fact]
    public void Every_setting_in_reference_conf_has_its_pinned_default()
    {
        var actual = HoconParser.ParseText(MeshConfigLoader.Reference, "reference.conf").Flatten()
            .ToDictionary(kv => kv.Key, kv => kv.Value);

        actual.Should().BeEquivalentTo(Pinned);
    }

    [Fact]
    public void The_defaults_bind_to_the_documented_typed_values()
    {
        var options = MeshConfigLoader.Load(new ConfigSources()).Options;

        options.Node.Should().BeEquivalentTo(new NodeOptions
        {
            Id = "",
            DataDir = "meshactors-data",
            Metadata = new NodeMetadataOptions { Role = "", Region = "", Zone = "", Capacity = 100, Labels = new Dictionary<string, string>() },
        });
        options.Discovery.Static.Seeds.Should().BeEmpty();
        options.Membership.Profile.Should().Be("lan");
        options.Membership.Settings.Should().Be(new MeshActors.Membership.MembershipSettings
        {
            ProbeInterval = TimeSpan.FromSeconds(1),
            ProbeTimeout = TimeSpan.FromMilliseconds(500),
            IndirectChecks = 3,
            SuspicionMult = 4,
            SuspicionMaxTimeoutMult = 6,
            RetransmitMult = 4,
            GossipInterval = TimeSpan.FromMilliseconds(200),
            GossipNodes = 3,
            GossipToTheDead = TimeSpan.FromSeconds(30),
            PushPullInterval = TimeSpan.FromSeconds(30),
            AwarenessMaxMultiplier = 8,
            TombstoneTtl = TimeSpan.FromSeconds(60),
            MaxPiggybackBytes = 1400,
            JoinRetryInterval = TimeSpan.FromSeconds(1),
            LeaveTimeout = TimeSpan.FromSeconds(2),
        }, "memberlist's DefaultLANConfig values, which the lan profile follows");
        options.Cluster.Id.Should().Be("meshactors");
        options.Control.Should().Be(new EndpointOptions { Enabled = true, Host = "127.0.0.1", Port = 7070 });
        options.Transport.Should().BeEquivalentTo(new TransportOptions
        {
            Host = "127.0.0.1",
            Port = 7946,
            AdvertisedHost = "",
            MaxMessageSize = 4 * 1024 * 1024,
            ConnectionsPerPeer = 1,
            ConnectTimeout = TimeSpan.FromSeconds(5),
            InboundMessagesPerSecond = 50_000,
            InboundBurst = 10_000,
            Tls = new TlsOptions
            {
                Enabled = true,
                CaPath = "",
                CertPath = "",
                KeyPath = "",
                ReloadCheckInterval = TimeSpan.FromSeconds(5),
                PinnedKeys = new Dictionary<string, string>(),
            },
        });
        options.Transport.Tls.UsesDevelopmentCertificates.Should().BeTrue();
        options.Actors.Throughput.Should().Be(32);
        options.Actors.Supervision.Should().Be(MeshActors.Actors.SupervisionStrategy.Default, "the kernel's built-in default and reference.conf agree");
        options.ShutdownTimeout.Should().Be(TimeSpan.FromSeconds(5));
        options.LogLevel.Should().Be(LogLevel.Information);
    }

    [Fact]
    public void Every_setting_is_documented_with_a_comment_above_it()
    {
        var lines = MeshConfigLoader.Reference.Split('\n').Select(l => l.Trim()).ToArray();
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Contains('=') && !lines[i].StartsWith('#'))
            {
                lines[i - 1].Should().StartWith("#", $"'{lines[i]}' needs its meaning, unit, default and trade-off in a comment above it");
            }
        }
    }
}
