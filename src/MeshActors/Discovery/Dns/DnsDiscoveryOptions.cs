using MeshActors.Configuration;
using MeshActors.Dns;

namespace MeshActors.Discovery.Dns;

/// <summary><c>meshactors.discovery.dns</c>: contact points from DNS A/AAAA and SRV records.</summary>
public sealed record DnsDiscoveryOptions : IProviderOptions
{
    /// <inheritdoc/>
    public required bool Enabled { get; init; }

    /// <inheritdoc/>
    public required TimeSpan RefreshInterval { get; init; }

    /// <summary><c>host</c>: a name whose A and AAAA records are contact points on <see cref="Port"/>; "" for none.</summary>
    public string Host { get; init; } = "";

    /// <summary><c>port</c>: the mesh port of the addresses <see cref="Host"/> resolves to; 0 for this node's own port.</summary>
    public int Port { get; init; }

    /// <summary><c>srv</c>: an SRV name (e.g. <c>_mesh._tcp.example.com</c>) whose targets and ports are contact points; "" for none.</summary>
    public string Srv { get; init; } = "";

    /// <summary><c>server</c>: "" for the system resolvers of /etc/resolv.conf, or one server as "ip:port".</summary>
    public string Server { get; init; } = "";

    /// <summary><c>timeout</c>: how long to wait for one server's answer in one attempt.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary><c>attempts</c>: how many times each server is asked (DnsClient's retries + 1) before a lookup fails.</summary>
    public int Attempts { get; init; } = 2;

    internal static DnsDiscoveryOptions Bind(ConfigReader r)
    {
        const string p = "meshactors.discovery.dns.";
        var options = new DnsDiscoveryOptions
        {
            Enabled = r.Bool(p + "enabled", "set true or false"),
            RefreshInterval = r.Duration(p + "refresh-interval", TimeSpan.FromMilliseconds(100), TimeSpan.FromDays(1), "set a duration such as 30s"),
            Host = r.String(p + "host", "set a host name such as seeds.example.com, or \"\"").Trim().TrimEnd('.'),
            Port = (int)r.Long(p + "port", 0, 65535, "set the mesh port of the hosts' addresses (1 to 65535), or 0 for this node's own port"),
            Srv = r.String(p + "srv", "set an SRV name such as _mesh._tcp.example.com, or \"\"").Trim().TrimEnd('.'),
            Server = r.String(p + "server", "set \"\" for the system resolvers, or ip:port such as 127.0.0.1:53").Trim(),
            Timeout = r.Duration(p + "timeout", TimeSpan.FromMilliseconds(10), TimeSpan.FromMinutes(1), "set a duration such as 2s"),
            Attempts = (int)r.Long(p + "attempts", 1, 10, "set a whole number from 1 to 10"),
        };
        Validate(options, r, p);
        return options;
    }

    private static void Validate(DnsDiscoveryOptions options, ConfigReader r, string p)
    {
        if (options.Enabled && options.Host.Length == 0 && options.Srv.Length == 0)
        {
            r.Add(p + "host", $"DNS discovery is enabled but neither {p}host nor {p}srv is set",
                $"set {p}srv to an SRV name (e.g. _mesh._tcp.example.com) or {p}host to a name with A/AAAA records, or set {p}enabled = false");
        }

        foreach (var (key, name) in new[] { ("host", options.Host), ("srv", options.Srv) })
        {
            if (name.Length > 0 && !IsName(name))
            {
                r.Add(p + key, $"\"{name}\" is not a valid domain name", "use labels of 1 to 63 characters separated by dots, at most 253 characters in all");
            }
        }

        if (options.Server.Length > 0)
        {
            try
            {
                DnsResolver.ParseServer(options.Server);
            }
            catch (FormatException ex)
            {
                r.Add(p + "server", ex.Message, "write ip:port, e.g. 127.0.0.1:53 or [::1]:53, or \"\" for the system resolvers");
            }
        }
    }

    private static bool IsName(string name)
    {
        try
        {
            return DnsName.ParseLabels(name).Count > 0;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
