using MeshActors.Actors;
using MeshActors.Configuration.Hocon;
using MeshActors.Discovery.Aws;
using MeshActors.Discovery.Bootstrap;
using MeshActors.Discovery.Dns;
using MeshActors.Discovery.Http;
using MeshActors.Discovery.Kubernetes;
using MeshActors.Discovery.Mdns;
using MeshActors.Discovery.PeerCache;
using MeshActors.Discovery.Static;
using MeshActors.Membership;
using MeshActors.Transport;
using Microsoft.Extensions.Logging;

namespace MeshActors.Configuration;

/// <summary>Turns a resolved configuration tree into <see cref="MeshActorsOptions"/>, checking every
/// setting and reporting all problems at once.</summary>
public static class MeshActorsOptionsBinder
{
    /// <summary>Reads and validates <c>meshactors.*</c> from <paramref name="root"/>.</summary>
    /// <exception cref="ConfigValidationException">One or more settings are invalid; all are listed.</exception>
    public static MeshActorsOptions Bind(HoconObject root)
    {
        var r = new ConfigReader(root);
        const string portFix = "set a TCP port from 1 to 65535, or 0 to pick a free one";
        var options = new MeshActorsOptions
        {
            Node = new NodeOptions
            {
                Id = r.Identifier("meshactors.node.id", "use letters, digits, '-', '_' or '.', or leave it empty to generate one", allowEmpty: true),
                DataDir = r.String("meshactors.node.data-dir", "set a folder path such as \"meshactors-data\""),
                Metadata = new NodeMetadataOptions
                {
                    Role = r.String("meshactors.node.metadata.role", "set a role such as \"worker\", or \"\" for none"),
                    Region = r.String("meshactors.node.metadata.region", "set a region such as \"eu-west-1\", or \"\""),
                    Zone = r.String("meshactors.node.metadata.zone", "set a zone such as \"eu-west-1a\", or \"\""),
                    Capacity = (uint)r.Long("meshactors.node.metadata.capacity", 1, 1_000_000, "set a whole number from 1 to 1000000; 100 is an ordinary node"),
                    Labels = r.StringMap("meshactors.node.metadata.labels", _ => null, "write name = \"value\""),
                },
            },
            Cluster = new ClusterOptions
            {
                Id = r.Identifier("meshactors.cluster.id", "use letters, digits, '-', '_' or '.', e.g. \"payments-prod\"", allowEmpty: false),
            },
            Control = new EndpointOptions
            {
                Enabled = r.Bool("meshactors.control.enabled", "set true or false"),
                Host = r.Host("meshactors.control.host"),
                Port = (int)r.Long("meshactors.control.port", 0, 65535, portFix),
            },
            Transport = BindTransport(r, portFix),
            Discovery = BindDiscovery(r),
            Membership = BindMembership(r),
            Actors = new ActorOptions
            {
                Throughput = (int)r.Long("meshactors.actors.throughput", 1, 10_000, "set a whole number from 1 to 10000; 32 is a good start"),
                Supervision = new SupervisionStrategy
                {
                    MinBackoff = r.Duration("meshactors.actors.supervision.min-backoff", TimeSpan.FromMilliseconds(1), TimeSpan.FromHours(1), "set a duration such as 100ms"),
                    MaxBackoff = r.Duration("meshactors.actors.supervision.max-backoff", TimeSpan.FromMilliseconds(1), TimeSpan.FromDays(1), "set a duration such as 10s"),
                    RandomFactor = r.Double("meshactors.actors.supervision.random-factor", 0, 1, "set a fraction from 0 to 1, e.g. 0.2"),
                    ResetAfter = r.Duration("meshactors.actors.supervision.reset-after", TimeSpan.Zero, TimeSpan.FromDays(1), "set a duration such as 30s"),
                },
            },
            ShutdownTimeout = r.Duration("meshactors.shutdown.timeout", TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(10), "set a duration such as 5s"),
            LogLevel = r.Enum("meshactors.logging.level", LogLevel.Information),
        };

        CheckTransport(r, options.Transport);
        if (options.Actors.Supervision.MinBackoff > options.Actors.Supervision.MaxBackoff)
        {
            r.Add("meshactors.actors.supervision.min-backoff", $"{options.Actors.Supervision.MinBackoff} is above max-backoff ({options.Actors.Supervision.MaxBackoff})", "make min-backoff at most max-backoff");
        }

        if (options.Control.Enabled && options.Control.Port != 0 && options.Control.Port == options.Transport.Port)
        {
            r.Add("meshactors.control.port", $"{options.Control.Port} is also meshactors.transport.port", "give the control plane and the mesh transport different ports");
        }

        return r.Errors.Count == 0 ? options : throw new ConfigValidationException(r.Errors);
    }

    private static TransportOptions BindTransport(ConfigReader r, string portFix)
    {
        const string t = "meshactors.transport.";
        var advertised = r.String(t + "advertised-host", "set the host name or IP address peers use, or leave it empty");
        return new TransportOptions
        {
            Host = r.Host(t + "host"),
            Port = (int)r.Long(t + "port", 0, 65535, portFix),
            AdvertisedHost = advertised.Length == 0 ? advertised : r.Host(t + "advertised-host"),
            MaxMessageSize = (int)r.Size(t + "max-message-size", 1024, 256L * 1024 * 1024, "set a size from 1KiB to 256MiB, e.g. 4MiB"),
            ConnectionsPerPeer = (int)r.Long(t + "connections-per-peer", 1, 16, "set 1 to 16; 1 suffices for HTTP/2"),
            ConnectTimeout = r.Duration(t + "connect-timeout", TimeSpan.FromMilliseconds(10), TimeSpan.FromMinutes(5), "set a duration such as 5s"),
            InboundMessagesPerSecond = (int)r.Long(t + "inbound-rate-limit.messages-per-second", 1, 10_000_000, "set a whole number of messages per second, e.g. 50000"),
            InboundBurst = (int)r.Long(t + "inbound-rate-limit.burst", 1, 10_000_000, "set a whole number of messages, e.g. 10000"),
            Tls = new TlsOptions
            {
                Enabled = r.Choice(t + "tls.mode", ["mutual", "insecure"]) == "mutual",
                CaPath = r.String(t + "tls.ca", "set the path of the cluster CA's PEM file"),
                CertPath = r.String(t + "tls.cert", "set the path of this node's certificate PEM file"),
                KeyPath = r.String(t + "tls.key", "set the path of this node's private key PEM file"),
                ReloadCheckInterval = r.Duration(t + "tls.reload-check-interval", TimeSpan.FromMilliseconds(100), TimeSpan.FromHours(1), "set a duration such as 5s"),
                PinnedKeys = r.StringMap(t + "tls.pinned-keys", CheckFingerprint, "write node-id = \"sha256:<64 hex digits>\" as printed by meshctl cert issue"),
            },
        };
    }

    private static DiscoveryOptions BindDiscovery(ConfigReader r)
    {
        const string p = "meshactors.discovery.";
        var options = new DiscoveryOptions
        {
            Static = StaticDiscoveryOptions.Bind(r),
            Dns = DnsDiscoveryOptions.Bind(r),
            Mdns = MdnsDiscoveryOptions.Bind(r),
            Kubernetes = KubernetesDiscoveryOptions.Bind(r),
            Aws = AwsDiscoveryOptions.Bind(r),
            Http = HttpDiscoveryOptions.Bind(r),
            PeerCache = PeerCacheOptions.Bind(r),
            Bootstrap = BootstrapOptions.Bind(r),
            FailureBackoffMin = r.Duration(p + "failure-backoff.min", TimeSpan.FromMilliseconds(1), TimeSpan.FromHours(1), "set a duration such as 1s"),
            FailureBackoffMax = r.Duration(p + "failure-backoff.max", TimeSpan.FromMilliseconds(1), TimeSpan.FromDays(1), "set a duration such as 60s"),
        };
        if (options.FailureBackoffMin > options.FailureBackoffMax)
        {
            r.Add(p + "failure-backoff.min", $"{options.FailureBackoffMin} is above failure-backoff.max ({options.FailureBackoffMax})", "make failure-backoff.min at most failure-backoff.max");
        }

        return options;
    }

    private static MembershipOptions BindMembership(ConfigReader r)
    {
        var profiles = r.Keys("meshactors.membership.profiles").Where(k => k != "base").ToArray();
        var name = r.Choice("meshactors.membership.profile", profiles.Length > 0 ? profiles : ["lan"]);
        var p = "meshactors.membership.profiles." + (profiles.Contains(name) ? name : "base") + ".";
        const string d = "set a duration such as ";
        var settings = new MembershipSettings
        {
            ProbeInterval = r.Duration(p + "probe-interval", TimeSpan.FromMilliseconds(10), TimeSpan.FromMinutes(10), d + "1s"),
            ProbeTimeout = r.Duration(p + "probe-timeout", TimeSpan.FromMilliseconds(1), TimeSpan.FromMinutes(10), d + "500ms"),
            IndirectChecks = (int)r.Long(p + "indirect-checks", 0, 32, "set a whole number from 0 to 32; 3 is usual"),
            SuspicionMult = (int)r.Long(p + "suspicion-mult", 1, 100, "set a whole number from 1 to 100; 4 is usual"),
            SuspicionMaxTimeoutMult = (int)r.Long(p + "suspicion-max-timeout-mult", 1, 100, "set a whole number from 1 to 100; 6 is usual"),
            RetransmitMult = (int)r.Long(p + "retransmit-mult", 1, 100, "set a whole number from 1 to 100; 4 is usual"),
            GossipInterval = r.Duration(p + "gossip-interval", TimeSpan.FromMilliseconds(1), TimeSpan.FromMinutes(10), d + "200ms"),
            GossipNodes = (int)r.Long(p + "gossip-nodes", 0, 64, "set a whole number from 0 to 64; 3 is usual"),
            GossipToTheDead = r.Duration(p + "gossip-to-the-dead", TimeSpan.Zero, TimeSpan.FromDays(1), d + "30s"),
            PushPullInterval = r.Duration(p + "push-pull-interval", TimeSpan.FromMilliseconds(100), TimeSpan.FromDays(1), d + "30s"),
            AwarenessMaxMultiplier = (int)r.Long(p + "awareness-max-multiplier", 1, 100, "set a whole number from 1 to 100; 8 is usual"),
            TombstoneTtl = r.Duration(p + "tombstone-ttl", TimeSpan.Zero, TimeSpan.FromDays(30), d + "60s"),
            MaxPiggybackBytes = (int)r.Size(p + "max-piggyback-bytes", 256, 1024 * 1024, "set a size from 256 to 1MiB, e.g. 1400"),
            JoinRetryInterval = r.Duration(p + "join-retry-interval", TimeSpan.FromMilliseconds(10), TimeSpan.FromHours(1), d + "1s"),
            LeaveTimeout = r.Duration(p + "leave-timeout", TimeSpan.Zero, TimeSpan.FromMinutes(10), d + "2s"),
        };
        if (settings.ProbeTimeout >= settings.ProbeInterval)
        {
            r.Add(p + "probe-timeout", $"{settings.ProbeTimeout} is not below probe-interval ({settings.ProbeInterval})", "make probe-timeout shorter than probe-interval, so indirect probes have time to answer");
        }

        if (settings.TombstoneTtl < settings.GossipToTheDead)
        {
            r.Add(p + "tombstone-ttl", $"{settings.TombstoneTtl} is below gossip-to-the-dead ({settings.GossipToTheDead})", "keep tombstones at least as long as gossip-to-the-dead");
        }

        return new MembershipOptions { Profile = name, Settings = settings };
    }

    private static void CheckTransport(ConfigReader r, TransportOptions transport)
    {
        if (transport.AdvertisedHost.Length == 0 && transport.Host is "0.0.0.0" or "::")
        {
            r.Add("meshactors.transport.advertised-host", $"is empty while meshactors.transport.host is {transport.Host}, which peers cannot dial", "set the address peers should use, e.g. the machine's IP");
        }

        var tls = transport.Tls;
        var files = new[] { ("ca", tls.CaPath), ("cert", tls.CertPath), ("key", tls.KeyPath) };
        var given = files.Where(f => f.Item2.Length > 0).Select(f => f.Item1).ToList();
        if (tls.Enabled && given.Count is > 0 and < 3)
        {
            var missing = files.Where(f => f.Item2.Length == 0).Select(f => "meshactors.transport.tls." + f.Item1);
            r.Add("meshactors.transport.tls." + files.First(f => f.Item2.Length == 0).Item1, $"is empty while {string.Join(" and ", given.Select(g => "tls." + g))} {(given.Count == 1 ? "is" : "are")} set", $"set all of ca, cert and key (missing: {string.Join(", ", missing)}), or none of them for development certificates");
        }
    }

    private static string? CheckFingerprint(string value) =>
        value.Length == 71 && value.StartsWith("sha256:", StringComparison.OrdinalIgnoreCase) && value[7..].All(char.IsAsciiHexDigit)
            ? null
            : $"\"{value}\" is not a fingerprint of the form sha256:<64 hex digits>";
}
