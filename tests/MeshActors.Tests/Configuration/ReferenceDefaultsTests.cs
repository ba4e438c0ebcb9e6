using Akka.Configuration;
using Akka.Configuration.Hocon;
using MeshActors.Configuration;
using MeshActors.Discovery.Aws;
using MeshActors.Discovery.Dns;
using MeshActors.Discovery.Http;
using MeshActors.Discovery.Kubernetes;
using MeshActors.Discovery.Mdns;
using MeshActors.Discovery.PeerCache;
using MeshActors.Discovery.Static;
using Microsoft.Extensions.Logging;

namespace MeshActors.Tests.Configuration;

/// <summary>Pins every default of reference.conf, so the documentation and the code cannot drift:
/// adding, removing or changing a setting fails here until this table says the same.</summary>
public sealed class ReferenceDefaultsTests
{
    private static readonly Dictionary<string, string> Pinned = new()
    {
        ["meshactors.node.id"] = "",
        ["meshactors.node.data-dir"] = "meshactors-data",
        ["meshactors.node.metadata.roles"] = "[]",
        ["meshactors.node.metadata.app-version"] = "",
        ["meshactors.node.metadata.region"] = "",
        ["meshactors.node.metadata.zone"] = "",
        ["meshactors.node.metadata.capacity"] = "100",
        ["meshactors.node.metadata.labels"] = "{}",
        ["meshactors.cluster.id"] = "meshactors",
        ["meshactors.control.enabled"] = "true",
        ["meshactors.control.host"] = "127.0.0.1",
        ["meshactors.control.port"] = "7070",
        ["meshactors.transport.host"] = "127.0.0.1",
        ["meshactors.transport.port"] = "7946",
        ["meshactors.transport.advertised-host"] = "",
        ["meshactors.transport.max-message-size"] = "4MiB",
        ["meshactors.transport.connect-timeout"] = "5s",
        ["meshactors.transport.tls.mode"] = "mutual",
        ["meshactors.transport.tls.ca"] = "",
        ["meshactors.transport.tls.cert"] = "",
        ["meshactors.transport.tls.key"] = "",
        ["meshactors.transport.tls.reload-check-interval"] = "5s",
        ["meshactors.transport.tls.pinned-keys"] = "{}",
        ["meshactors.discovery.failure-backoff.min"] = "1s",
        ["meshactors.discovery.failure-backoff.max"] = "60s",
        ["meshactors.discovery.run-timeout"] = "30s",
        ["meshactors.discovery.min-refresh-interval"] = "1s",
        ["meshactors.discovery.static.seeds"] = "[]",
        ["meshactors.discovery.static.contact-points"] = "[]",
        ["meshactors.discovery.static.fallback-seeds"] = "[]",
        ["meshactors.bootstrap.host"] = "",
        ["meshactors.bootstrap.port"] = "8558",
        ["meshactors.bootstrap.advertised-host"] = "",
        ["meshactors.bootstrap.split-check-interval"] = "5s",
        ["meshactors.discovery.dns.enabled"] = "false",
        ["meshactors.discovery.dns.refresh-interval"] = "30s",
        ["meshactors.discovery.dns.srv"] = "",
        ["meshactors.discovery.dns.host"] = "",
        ["meshactors.discovery.dns.port"] = "0",
        ["meshactors.discovery.dns.server"] = "",
        ["meshactors.discovery.dns.timeout"] = "2s",
        ["meshactors.discovery.dns.attempts"] = "2",
        ["meshactors.discovery.mdns.enabled"] = "false",
        ["meshactors.discovery.mdns.refresh-interval"] = "10s",
        ["meshactors.discovery.mdns.interface"] = "",
        ["meshactors.discovery.mdns.service-type"] = "_meshactors._tcp",
        ["meshactors.discovery.mdns.browse-window"] = "500ms",
        ["meshactors.discovery.mdns.ttl"] = "120s",
        ["meshactors.discovery.mdns.max-packets-per-second"] = "200",
        ["meshactors.discovery.mdns.max-peers"] = "256",
        ["meshactors.discovery.kubernetes.enabled"] = "false",
        ["meshactors.discovery.kubernetes.refresh-interval"] = "10s",
        ["meshactors.discovery.kubernetes.mode"] = "pods",
        ["meshactors.discovery.kubernetes.api-server"] = "",
        ["meshactors.discovery.kubernetes.namespace"] = "",
        ["meshactors.discovery.kubernetes.namespace-path"] = "/var/run/secrets/kubernetes.io/serviceaccount/namespace",
        ["meshactors.discovery.kubernetes.token-path"] = "/var/run/secrets/kubernetes.io/serviceaccount/token",
        ["meshactors.discovery.kubernetes.ca-path"] = "/var/run/secrets/kubernetes.io/serviceaccount/ca.crt",
        ["meshactors.discovery.kubernetes.label-selector"] = "app.kubernetes.io/name=meshactors",
        ["meshactors.discovery.kubernetes.service-name"] = "",
        ["meshactors.discovery.kubernetes.port"] = "0",
        ["meshactors.discovery.kubernetes.container-name"] = "",
        ["meshactors.discovery.kubernetes.container-port-name"] = "",
        ["meshactors.discovery.kubernetes.include-not-ready"] = "false",
        ["meshactors.discovery.kubernetes.cluster-domain"] = "cluster.local",
        ["meshactors.discovery.kubernetes.request-timeout"] = "5s",
        ["meshactors.discovery.aws.enabled"] = "false",
        ["meshactors.discovery.aws.refresh-interval"] = "60s",
        ["meshactors.discovery.aws.tag-key"] = "service",
        ["meshactors.discovery.aws.filters"] = "",
        ["meshactors.discovery.aws.ports"] = "[]",
        ["meshactors.discovery.aws.port-tag"] = "",
        ["meshactors.discovery.aws.region"] = "",
        ["meshactors.discovery.aws.endpoint"] = "",
        ["meshactors.discovery.aws.ca"] = "",
        ["meshactors.discovery.aws.request-timeout"] = "10s",
        ["meshactors.discovery.http.enabled"] = "false",
        ["meshactors.discovery.http.refresh-interval"] = "30s",
        ["meshactors.discovery.http.url"] = "",
        ["meshactors.discovery.http.timeout"] = "5s",
        ["meshactors.discovery.http.ca"] = "",
        ["meshactors.discovery.peer-cache.enabled"] = "true",
        ["meshactors.discovery.peer-cache.refresh-interval"] = "30s",
        ["meshactors.discovery.peer-cache.file"] = "peers.db",
        ["meshactors.discovery.peer-cache.max-peers"] = "1024",
        ["meshactors.discovery.peer-cache.max-contact-points"] = "16",
        ["meshactors.discovery.peer-cache.forget-after"] = "7d",
        ["meshactors.membership.profile"] = "lan",
        ["meshactors.membership.profiles.lan.heartbeat-interval"] = "500ms",
        ["meshactors.membership.profiles.lan.acceptable-heartbeat-pause"] = "1500ms",
        ["meshactors.membership.profiles.lan.threshold"] = "8.0",
        ["meshactors.membership.profiles.lan.gossip-interval"] = "500ms",
        ["meshactors.membership.profiles.lan.leader-actions-interval"] = "250ms",
        ["meshactors.membership.profiles.lan.unreachable-nodes-reaper-interval"] = "500ms",
        ["meshactors.membership.profiles.lan.monitored-by-nr-of-members"] = "5",
        ["meshactors.membership.profiles.lan.stable-after"] = "2s",
        ["meshactors.membership.profiles.lan.down-all-when-unstable"] = "15s",
        ["meshactors.membership.profiles.local.heartbeat-interval"] = "250ms",
        ["meshactors.membership.profiles.local.acceptable-heartbeat-pause"] = "1s",
        ["meshactors.membership.profiles.local.threshold"] = "8.0",
        ["meshactors.membership.profiles.local.gossip-interval"] = "250ms",
        ["meshactors.membership.profiles.local.leader-actions-interval"] = "200ms",
        ["meshactors.membership.profiles.local.unreachable-nodes-reaper-interval"] = "250ms",
        ["meshactors.membership.profiles.local.monitored-by-nr-of-members"] = "5",
        ["meshactors.membership.profiles.local.stable-after"] = "1500ms",
        ["meshactors.membership.profiles.local.down-all-when-unstable"] = "10s",
        ["meshactors.membership.profiles.wan.heartbeat-interval"] = "1s",
        ["meshactors.membership.profiles.wan.acceptable-heartbeat-pause"] = "6s",
        ["meshactors.membership.profiles.wan.threshold"] = "10.0",
        ["meshactors.membership.profiles.wan.gossip-interval"] = "1s",
        ["meshactors.membership.profiles.wan.leader-actions-interval"] = "1s",
        ["meshactors.membership.profiles.wan.unreachable-nodes-reaper-interval"] = "1s",
        ["meshactors.membership.profiles.wan.monitored-by-nr-of-members"] = "9",
        ["meshactors.membership.profiles.wan.stable-after"] = "15s",
        ["meshactors.membership.profiles.wan.down-all-when-unstable"] = "45s",
        ["meshactors.membership.metadata-write-timeout"] = "1s",
        ["meshactors.overlay.enabled"] = "on",
        ["meshactors.overlay.active-target"] = "6",
        ["meshactors.overlay.active-low"] = "4",
        ["meshactors.overlay.active-high"] = "10",
        ["meshactors.overlay.passive-size"] = "30",
        ["meshactors.overlay.active-random-walk-length"] = "6",
        ["meshactors.overlay.passive-random-walk-length"] = "3",
        ["meshactors.overlay.shuffle-active"] = "3",
        ["meshactors.overlay.shuffle-passive"] = "4",
        ["meshactors.overlay.shuffle-period"] = "30s",
        ["meshactors.overlay.ping-interval"] = "1s",
        ["meshactors.overlay.ping-timeout"] = "3s",
        ["meshactors.overlay.join-retry"] = "2s",
        ["meshactors.overlay.pex.on-join"] = "16",
        ["meshactors.overlay.pex.max-answer"] = "16",
        ["meshactors.overlay.pex.min-interval"] = "10s",
        ["meshactors.overlay.pex.burst"] = "2",
        ["meshactors.overlay.pex.max-entry-age"] = "1h",
        ["meshactors.overlay.scoring.success-reward"] = "1",
        ["meshactors.overlay.scoring.error-penalty"] = "10",
        ["meshactors.overlay.scoring.timeout-penalty"] = "5",
        ["meshactors.overlay.scoring.rtt-target"] = "200ms",
        ["meshactors.overlay.scoring.latency-penalty-per-target"] = "5",
        ["meshactors.overlay.scoring.max-latency-penalty"] = "20",
        ["meshactors.overlay.scoring.prune-threshold"] = "-20",
        ["meshactors.overlay.scoring.ban-backoff"] = "30s",
        ["meshactors.overlay.scoring.max-ban-backoff"] = "10m",
        ["meshactors.overlay.max-peers"] = "10",
        ["meshactors.overlay.max-per-subnet"] = "0",
        ["meshactors.overlay.subnet-exempt"] = "[127.0.0.0/8, ::1/128, localhost]",
        ["meshactors.overlay.inbound-per-second"] = "5",
        ["meshactors.overlay.inbound-burst"] = "20",
        ["meshactors.sharding.namespaces"] = "{}",
        ["meshactors.sharding.leader-scope"] = "global",
        ["meshactors.sharding.max-parallel-moves"] = "16",
        ["meshactors.sharding.cooldown"] = "2s",
        ["meshactors.sharding.unreachable-after"] = "3s",
        ["meshactors.sharding.plan-interval"] = "500ms",
        ["meshactors.sharding.sync-interval"] = "2s",
        ["meshactors.sharding.require-approval"] = "off",
        ["meshactors.events.max-payload-bytes"] = "65536",
        ["meshactors.events.allowed-topics"] = "[#]",
        ["meshactors.events.seen-cache-size"] = "32768",
        ["meshactors.events.max-sources"] = "4096",
        ["meshactors.events.max-age"] = "5m",
        ["meshactors.events.max-future-skew"] = "30s",
        ["meshactors.events.reply-window"] = "2s",
        ["meshactors.events.subscriber-buffer"] = "1024",
        ["meshactors.events.certificate-cache-size"] = "4096",
        ["meshactors.events.certificate-wait-buffer"] = "256",
        ["meshactors.events.plumtree.missing-timeout"] = "2s",
        ["meshactors.events.plumtree.graft-retry"] = "1s",
        ["meshactors.events.plumtree.announce-on-link-up"] = "10s",
        ["meshactors.events.plumtree.received-cache-size"] = "1024",
        ["meshactors.events.plumtree.max-missing"] = "4096",
        ["meshactors.events.plumtree.ihave-batch-interval"] = "50ms",
        ["meshactors.leadership.global"] = "on",
        ["meshactors.leadership.scopes"] = "[]",
        ["meshactors.leadership.roles"] = "[]",
        ["meshactors.leadership.retry-interval"] = "200ms",
        ["meshactors.leadership.lease.lease-class"] = "MeshActors.Leadership.MeshLease, MeshActors",
        ["meshactors.leadership.lease.heartbeat-timeout"] = "2s",
        ["meshactors.leadership.lease.heartbeat-interval"] = "500ms",
        ["meshactors.leadership.lease.lease-operation-timeout"] = "500ms",
        ["meshactors.leadership.lease.clock-skew-margin"] = "250ms",
        ["meshactors.leadership.lease.store"] = "cluster",
        ["meshactors.leadership.stores.sqlite.file"] = "leases.db",
        ["meshactors.leadership.stores.postgres.connection-string"] = "",
        ["meshactors.leadership.stores.postgres.table"] = "meshactors_leases",
        ["meshactors.leadership.stores.cluster.arbiter-name"] = "meshactors-lease-arbiter",
        ["meshactors.leadership.stores.cluster.role"] = "",
        ["meshactors.leadership.stores.cluster.max-ttl"] = "4s",
        ["meshactors.leadership.stores.cluster.majority-timeout"] = "400ms",
        ["meshactors.leadership.stores.cluster.majority-min-cap"] = "0",
        ["meshactors.leadership.stores.cluster.request-timeout"] = "5s",
        ["meshactors.shutdown.timeout"] = "5s",
        ["meshactors.shutdown.linger"] = "2s",
        ["meshactors.logging.level"] = "Information",
    };

    [Fact]
    public void The_embedded_reference_conf_is_the_one_in_the_repository()
    {
        MeshConfigLoader.Reference.Should().Be(File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "hocon", "reference.conf")));
    }

    [Fact]
    public void Every_setting_in_reference_conf_has_its_pinned_default()
    {
        var actual = Leaves(ConfigurationFactory.ParseString(MeshConfigLoader.Reference));

        actual.Should().BeEquivalentTo(Pinned);
        actual.Keys.Should().OnlyContain(path => MeshConfigLoader.IsKnownSetting(path));
    }

    [Fact]
    public void The_defaults_bind_to_the_documented_typed_values()
    {
        var options = MeshConfigLoader.Load(new ConfigSources()).Options;

        options.Should().BeEquivalentTo(new MeshActorsOptions
        {
            Node = new NodeOptions
            {
                Id = "",
                DataDir = Path.GetFullPath("meshactors-data"),
                Metadata = new NodeMetadataOptions { Roles = [], AppVersion = "", Region = "", Zone = "", Capacity = 100, Labels = new Dictionary<string, string>() },
            },
            Cluster = new ClusterOptions { Id = "meshactors" },
            Control = new EndpointOptions { Enabled = true, Host = "127.0.0.1", Port = 7070 },
            Transport = new TransportOptions
            {
                Host = "127.0.0.1",
                Port = 7946,
                AdvertisedHost = "",
                MaxMessageSize = 4 * 1024 * 1024,
                ConnectTimeout = TimeSpan.FromSeconds(5),
                Tls = new TlsOptions
                {
                    Enabled = true,
                    CaPath = "",
                    CertPath = "",
                    KeyPath = "",
                    ReloadCheckInterval = TimeSpan.FromSeconds(5),
                    PinnedKeys = new Dictionary<string, string>(),
                },
            },
            Discovery = new DiscoveryOptions
            {
                Static = new StaticDiscoveryOptions { Seeds = [], FallbackSeeds = [] },
                Dns = new DnsDiscoveryOptions { Enabled = false, RefreshInterval = TimeSpan.FromSeconds(30), Timeout = TimeSpan.FromSeconds(2), Attempts = 2 },
                Mdns = new MdnsDiscoveryOptions
                {
                    Enabled = false,
                    RefreshInterval = TimeSpan.FromSeconds(10),
                    ServiceType = "_meshactors._tcp",
                    BrowseWindow = TimeSpan.FromMilliseconds(500),
                    Ttl = TimeSpan.FromSeconds(120),
                    MaxPacketsPerSecond = 200,
                    MaxPeers = 256,
                },
                Kubernetes = new KubernetesDiscoveryOptions
                {
                    Enabled = false,
                    RefreshInterval = TimeSpan.FromSeconds(10),
                    Mode = "pods",
                    NamespacePath = "/var/run/secrets/kubernetes.io/serviceaccount/namespace",
                    TokenPath = "/var/run/secrets/kubernetes.io/serviceaccount/token",
                    CaPath = "/var/run/secrets/kubernetes.io/serviceaccount/ca.crt",
                    LabelSelector = "app.kubernetes.io/name=meshactors",
                    ClusterDomain = "cluster.local",
                    RequestTimeout = TimeSpan.FromSeconds(5),
                },
                Aws = new AwsDiscoveryOptions { Enabled = false, RefreshInterval = TimeSpan.FromSeconds(60), TagKey = "service", Ports = [], RequestTimeout = TimeSpan.FromSeconds(10) },
                Http = new HttpDiscoveryOptions { Enabled = false, RefreshInterval = TimeSpan.FromSeconds(30), Timeout = TimeSpan.FromSeconds(5) },
                PeerCache = new PeerCacheOptions
                {
                    Enabled = true,
                    RefreshInterval = TimeSpan.FromSeconds(30),
                    File = "peers.db",
                    MaxPeers = 1024,
                    MaxContactPoints = 16,
                    ForgetAfter = TimeSpan.FromDays(7),
                },
                FailureBackoffMin = TimeSpan.FromSeconds(1),
                FailureBackoffMax = TimeSpan.FromSeconds(60),
            },
            Membership = new MembershipOptions
            {
                Profile = new MembershipProfile
                {
                    Name = "lan",
                    HeartbeatInterval = TimeSpan.FromMilliseconds(500),
                    AcceptableHeartbeatPause = TimeSpan.FromMilliseconds(1500),
                    MonitoredByNrOfMembers = 5,
                    Threshold = 8.0,
                    GossipInterval = TimeSpan.FromMilliseconds(500),
                    LeaderActionsInterval = TimeSpan.FromMilliseconds(250),
                    UnreachableNodesReaperInterval = TimeSpan.FromMilliseconds(500),
                    StableAfter = TimeSpan.FromSeconds(2),
                    DownAllWhenUnstable = TimeSpan.FromSeconds(15),
                },
                MetadataWriteTimeout = TimeSpan.FromSeconds(1),
            },
            ShutdownTimeout = TimeSpan.FromSeconds(5),
            LogLevel = LogLevel.Information,
        });
        options.Transport.Tls.UsesDevelopmentCertificates.Should().BeTrue();
        options.Discovery.AnyDynamicProvider.Should().BeFalse();
    }

    [Fact]
    public void Every_setting_is_documented_with_a_comment_above_it()
    {
        var lines = MeshConfigLoader.Reference.Split('\n').Select(l => l.Trim()).ToArray();
        var undocumented = lines.Select((line, i) => (line, i))
            .Where(l => l.line.Contains('=') && !l.line.StartsWith('#') && !lines[l.i - 1].StartsWith('#'))
            .Select(l => $"line {l.i + 1}: {l.line}")
            .ToList();

        undocumented.Should().BeEmpty("every setting needs its meaning, unit, default and trade-off in a comment above it");
    }

    /// <summary>Every leaf under <c>meshactors</c> with its value as written: a string, <c>[a, b]</c> for a list, <c>{}</c> for an empty object.</summary>
    private static Dictionary<string, string> Leaves(Config config)
    {
        var leaves = new Dictionary<string, string>(StringComparer.Ordinal);
        Walk(config.GetValue("meshactors"), "meshactors");
        return leaves;

        void Walk(HoconValue value, string path)
        {
            if (value.IsObject() && value.GetObject().Items.Count > 0)
            {
                foreach (var (key, child) in value.GetObject().Items)
                {
                    Walk(child, path + "." + key);
                }

                return;
            }

            leaves[path] = value switch
            {
                _ when value.IsString() => value.GetString(),
                _ when value.IsObject() => "{}",
                _ when value.IsArray() => "[" + string.Join(", ", value.GetArray().Select(v => v.GetString())) + "]",
                { Values: [HoconArray { Count: 0 }] } => "[]", // Akka reports an empty list as neither a list nor a string
                _ => "<unreadable>",
            };
        }
    }
}
