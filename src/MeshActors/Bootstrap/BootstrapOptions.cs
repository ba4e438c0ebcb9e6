using MeshActors.Configuration;

namespace MeshActors.Bootstrap;

/// <summary><c>meshactors.bootstrap</c>: the node's bootstrap endpoint (mutual-TLS HTTPS) that
/// Cluster Bootstrap probes, and the check for a second cluster with the same id. Akka's own
/// bootstrap settings stay under <c>akka.management.cluster.bootstrap</c>.</summary>
public sealed record BootstrapOptions
{
    /// <summary><c>host</c>: the address to bind; empty = <c>meshactors.transport.host</c>.</summary>
    public string Host { get; init; } = "";

    /// <summary><c>port</c>: the TCP port; 0 picks a free one.</summary>
    public int Port { get; init; } = 8558;

    /// <summary><c>advertised-host</c>: the host others reach it by; empty = the transport's advertised host.</summary>
    public string AdvertisedHost { get; init; } = "";

    /// <summary><c>split-check-interval</c>: how often a member probes the contact points to find
    /// members of another cluster with the same id; zero = never.</summary>
    public TimeSpan SplitCheckInterval { get; init; } = TimeSpan.FromSeconds(5);

    internal static BootstrapOptions Bind(ConfigReader r)
    {
        const string b = "meshactors.bootstrap.";
        var host = r.String(b + "host", "set the address to bind, or leave it empty for meshactors.transport.host");
        var advertised = r.String(b + "advertised-host", "set the host name or IP address other nodes use, or leave it empty");
        return new BootstrapOptions
        {
            Host = host.Length == 0 ? host : r.Host(b + "host"),
            Port = (int)r.Long(b + "port", 0, 65535, "set a TCP port from 1 to 65535 (Akka.Management uses 8558), or 0 to pick a free one"),
            AdvertisedHost = advertised.Length == 0 ? advertised : r.Host(b + "advertised-host"),
            SplitCheckInterval = r.Duration(b + "split-check-interval", TimeSpan.Zero, TimeSpan.FromHours(1), "set a duration such as 5s, or 0s to turn the check off"),
        };
    }
}
