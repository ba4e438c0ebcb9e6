using System.Text.RegularExpressions;
using MeshActors.Configuration;

namespace MeshActors.Discovery.Mdns;

/// <summary><c>meshactors.discovery.mdns</c>: contact points from mDNS (RFC 6762/6763) on the local network.</summary>
public sealed partial record MdnsDiscoveryOptions : IProviderOptions
{
    /// <inheritdoc/>
    public required bool Enabled { get; init; }

    /// <inheritdoc/>
    public required TimeSpan RefreshInterval { get; init; }

    /// <summary><c>interface</c>: the network interface to advertise and browse on (e.g. <c>eth0</c>, <c>lo</c>); empty for every multicast-capable interface that is up.</summary>
    public string Interface { get; init; } = string.Empty;

    /// <summary><c>service-type</c>: the DNS-SD service type without <c>.local</c>, e.g. <c>_meshactors._tcp</c>.</summary>
    public string ServiceType { get; init; } = "_meshactors._tcp";

    /// <summary><c>browse-window</c>: how long each discovery run collects answers to its query before returning the cache.</summary>
    public TimeSpan BrowseWindow { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary><c>ttl</c>: the time to live of the records this node advertises (RFC 6762 recommends 120 s).</summary>
    public TimeSpan Ttl { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary><c>max-packets-per-second</c>: inbound packets processed per second; the excess is dropped and counted.</summary>
    public int MaxPacketsPerSecond { get; init; } = 200;

    /// <summary><c>max-peers</c>: the most service instances the browse cache holds; new ones beyond it are dropped and counted.</summary>
    public int MaxPeers { get; init; } = 256;

    /// <summary>The service type's full name, e.g. <c>_meshactors._tcp.local</c>.</summary>
    public string ServiceName => ServiceType + ".local";

    internal static MdnsDiscoveryOptions Bind(ConfigReader r)
    {
        const string p = "meshactors.discovery.mdns.";
        const string serviceFix = "set a DNS-SD service type such as _meshactors._tcp (an underscore label, then _tcp or _udp)";
        var serviceType = r.String(p + "service-type", serviceFix);
        if (!ServiceTypePattern().IsMatch(serviceType))
        {
            r.Add(p + "service-type", $"\"{serviceType}\" is not a DNS-SD service type", serviceFix);
        }

        return new MdnsDiscoveryOptions
        {
            Enabled = r.Bool(p + "enabled", "set true or false"),
            RefreshInterval = r.Duration(p + "refresh-interval", TimeSpan.FromMilliseconds(100), TimeSpan.FromDays(1), "set a duration such as 30s"),
            Interface = r.String(p + "interface", "set an interface name such as eth0, or \"\" for every multicast-capable interface"),
            ServiceType = serviceType,
            BrowseWindow = r.Duration(p + "browse-window", TimeSpan.FromMilliseconds(10), TimeSpan.FromSeconds(10), "set a duration such as 500ms"),
            Ttl = r.Duration(p + "ttl", TimeSpan.FromSeconds(1), TimeSpan.FromHours(2), "set a duration such as 120s"),
            MaxPacketsPerSecond = (int)r.Long(p + "max-packets-per-second", 1, 100_000, "set a packet rate such as 200"),
            MaxPeers = (int)r.Long(p + "max-peers", 1, 100_000, "set a peer count such as 256"),
        };
    }

    [GeneratedRegex("^_[A-Za-z0-9-]{1,15}\\._(tcp|udp)$")]
    private static partial Regex ServiceTypePattern();
}
