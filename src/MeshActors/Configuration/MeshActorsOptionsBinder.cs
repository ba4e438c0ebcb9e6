using MeshActors.Randomness;
using MeshActors.Discovery.Aws;
using MeshActors.Discovery.Dns;
using MeshActors.Discovery.Http;
using MeshActors.Discovery.Kubernetes;
using MeshActors.Discovery.Mdns;
using MeshActors.Discovery.PeerCache;
using MeshActors.Discovery.Static;
using MeshActors.Discovery;
using Microsoft.Extensions.Logging;

namespace MeshActors.Configuration;

/// <summary>Turns a resolved configuration tree into <see cref="MeshActorsOptions"/>, checking every
/// setting and reporting all problems at once.</summary>
public static class MeshActorsOptionsBinder
{
    /// <summary>Reads and validates <c>meshactors.*</c> from <paramref name="layers"/>.</summary>
    /// <exception cref="ConfigValidationException">One or more settings are invalid; all are listed.</exception>
    public static MeshActorsOptions Bind(LayeredConfig layers)
    {
        var r = new ConfigReader(layers);
        const string portFix = "set a TCP port from 1 to 65535, or 0 to pick a free one";
        var options = new MeshActorsOptions
        {
            Node = new NodeOptions
            {
                Id = r.Identifier("meshactors.node.id", "use letters, digits, '-', '_' or '.', or leave it empty to generate one", allowEmpty: true),
                DataDir = r.FilePath("meshactors.node.data-dir", "set a folder path such as \"meshactors-data\""),
                Metadata = new NodeMetadataOptions
                {
                    Roles = r.StringList("meshactors.node.metadata.roles", "write a list of role names, e.g. [\"worker\"], or [] for none"),
                    AppVersion = r.String("meshactors.node.metadata.app-version", "set a version such as \"1.4.2\", or \"\" for the entry assembly's version"),
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
            Bootstrap = Bootstrap.BootstrapOptions.Bind(r),
            Membership = BindMembership(r),
            Leadership = Leadership.Election.LeadershipOptions.Bind(r),
            Sharding = Sharding.Ownership.ShardingOptions.Bind(r),
            Overlay = Views.Overlay.OverlayOptions.Bind(r),
            Events = Events.Delivery.EventsOptions.Bind(r),
            ShutdownTimeout = r.Duration("meshactors.shutdown.timeout", TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(10), "set a duration such as 5s"),
            ShutdownLinger = r.Duration("meshactors.shutdown.linger", TimeSpan.Zero, TimeSpan.FromMinutes(1), "set a duration such as 2s, or 0s to end at once"),
            LogLevel = r.Enum("meshactors.logging.level", LogLevel.Information),
        };

        CheckTransport(r, options.Transport);
        if (options.Control.Enabled && options.Control.Port != 0 && options.Control.Port == options.Transport.Port)
        {
            r.Add("meshactors.control.port", $"{options.Control.Port} is also meshactors.transport.port", "give the control plane and the mesh transport different ports");
        }

        if (options.Sharding.Namespaces.Count > 0 && !options.Leadership.AllScopes.Contains(options.Sharding.LeaderScope))
        {
            r.Add("meshactors.sharding.leader-scope", $"\"{options.Sharding.LeaderScope}\" is not an elected scope ({string.Join(", ", options.Leadership.AllScopes)})", "name global (with meshactors.leadership.global = on) or a scope listed in meshactors.leadership.scopes");
        }

        if (options.Sharding.Namespaces.Count > 0 && options.Leadership.Store == MeshActors.Leadership.LeaseStores.Cluster)
        {
            r.Add("meshactors.sharding.namespaces", "shard tables are kept in the lease store's database, and the cluster lease store has none", "set meshactors.leadership.lease.store to sqlite or postgres, or remove the namespaces");
        }

        if (options.ShutdownLinger >= options.ShutdownTimeout && !r.Errors.Any(e => e.Path is "meshactors.shutdown.timeout" or "meshactors.shutdown.linger"))
        {
            r.Add("meshactors.shutdown.linger", $"{options.ShutdownLinger.TotalMilliseconds:0} ms is not below meshactors.shutdown.timeout ({options.ShutdownTimeout.TotalMilliseconds:0} ms)", "keep the linger shorter than the shutdown timeout, or the process is stopped before it ends");
        }

        if (options.Bootstrap.Port != 0 && (options.Bootstrap.Port == options.Transport.Port || (options.Control.Enabled && options.Bootstrap.Port == options.Control.Port)))
        {
            r.Add("meshactors.bootstrap.port", $"{options.Bootstrap.Port} is also the {(options.Bootstrap.Port == options.Transport.Port ? "meshactors.transport.port" : "meshactors.control.port")}", "give the bootstrap endpoint a port of its own (Akka.Management uses 8558)");
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
            ConnectTimeout = r.Duration(t + "connect-timeout", TimeSpan.FromMilliseconds(10), TimeSpan.FromMinutes(5), "set a duration such as 5s"),
            Tls = new TlsOptions
            {
                Enabled = r.Choice(t + "tls.mode", ["mutual", "insecure"]) == "mutual",
                CaPath = r.FilePath(t + "tls.ca", "set the path of the cluster CA's PEM file"),
                CertPath = r.FilePath(t + "tls.cert", "set the path of this node's certificate PEM file"),
                KeyPath = r.FilePath(t + "tls.key", "set the path of this node's private key PEM file"),
                ReloadCheckInterval = r.Duration(t + "tls.reload-check-interval", TimeSpan.FromMilliseconds(100), TimeSpan.FromHours(1), "set a duration such as 5s"),
                PinnedKeys = r.StringMap(t + "tls.pinned-keys", CheckFingerprint, "write node-id = \"sha256:<64 hex digits>\" as printed by meshctl cert issue"),
            },
        };
    }

    /// <summary>Binds <c>meshactors.discovery</c> (also used by the <c>meshactors</c> Akka.Discovery method).</summary>
    internal static DiscoveryOptions BindDiscovery(ConfigReader r)
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
            FailureBackoffMin = r.Duration(p + "failure-backoff.min", TimeSpan.FromMilliseconds(1), TimeSpan.FromHours(1), "set a duration such as 1s"),
            FailureBackoffMax = r.Duration(p + "failure-backoff.max", TimeSpan.FromMilliseconds(1), TimeSpan.FromDays(1), "set a duration such as 60s"),
            RunTimeout = r.Duration(p + "run-timeout", TimeSpan.FromMilliseconds(100), TimeSpan.FromHours(1), "set a duration such as 30s"),
            MinRefreshInterval = r.Duration(p + "min-refresh-interval", TimeSpan.Zero, TimeSpan.FromHours(1), "set a duration such as 1s"),
        };
        if (options.FailureBackoffMin > options.FailureBackoffMax)
        {
            r.Add(p + "failure-backoff.min", $"{options.FailureBackoffMin} is above failure-backoff.max ({options.FailureBackoffMax})", "make failure-backoff.min at most failure-backoff.max");
        }

        return options;
    }

    private static MembershipOptions BindMembership(ConfigReader r)
    {
        var profiles = r.Keys("meshactors.membership.profiles").ToArray();
        var name = r.Choice("meshactors.membership.profile", profiles.Length > 0 ? profiles : ["lan"]);
        var p = "meshactors.membership.profiles." + name + ".";
        const string d = "set a duration such as ";
        var profile = new MembershipProfile
        {
            Name = name,
            HeartbeatInterval = r.Duration(p + "heartbeat-interval", TimeSpan.FromMilliseconds(10), TimeSpan.FromMinutes(1), d + "500ms"),
            AcceptableHeartbeatPause = r.Duration(p + "acceptable-heartbeat-pause", TimeSpan.FromMilliseconds(10), TimeSpan.FromMinutes(10), d + "1500ms"),
            MonitoredByNrOfMembers = (int)r.Long(p + "monitored-by-nr-of-members", 1, 100, "set a whole number from 1 to 100; Akka's default is 9"),
            Threshold = r.Double(p + "threshold", 1, 100, "set a number from 1 to 100; Akka's default is 8"),
            GossipInterval = r.Duration(p + "gossip-interval", TimeSpan.FromMilliseconds(10), TimeSpan.FromMinutes(1), d + "500ms"),
            LeaderActionsInterval = r.Duration(p + "leader-actions-interval", TimeSpan.FromMilliseconds(10), TimeSpan.FromMinutes(1), d + "250ms"),
            UnreachableNodesReaperInterval = r.Duration(p + "unreachable-nodes-reaper-interval", TimeSpan.FromMilliseconds(10), TimeSpan.FromMinutes(1), d + "500ms"),
            StableAfter = r.Duration(p + "stable-after", TimeSpan.FromMilliseconds(100), TimeSpan.FromHours(1), d + "2s"),
            DownAllWhenUnstable = r.Duration(p + "down-all-when-unstable", TimeSpan.FromMilliseconds(100), TimeSpan.FromHours(1), d + "15s"),
        };
        if (profile.StableAfter <= profile.AcceptableHeartbeatPause)
        {
            r.Add(p + "stable-after", $"{profile.StableAfter} is not above acceptable-heartbeat-pause ({profile.AcceptableHeartbeatPause})", "keep stable-after above acceptable-heartbeat-pause, or the resolver downs members that are only slow");
        }

        if (profile.HeartbeatInterval >= profile.AcceptableHeartbeatPause)
        {
            r.Add(p + "heartbeat-interval", $"{profile.HeartbeatInterval} is not below acceptable-heartbeat-pause ({profile.AcceptableHeartbeatPause})", "make the pause at least two heartbeat intervals");
        }

        return new MembershipOptions
        {
            Profile = profile,
            MetadataWriteTimeout = r.Duration("meshactors.membership.metadata-write-timeout", TimeSpan.FromMilliseconds(10), TimeSpan.FromMinutes(1), d + "1s"),
        };
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
