using MeshActors.Configuration;

namespace MeshActors.Discovery.Dns;

/// <summary><c>meshactors.discovery.dns</c>: contact points from DNS A/AAAA and SRV records.</summary>
public sealed record DnsDiscoveryOptions : IProviderOptions
{
    /// <inheritdoc/>
    public required bool Enabled { get; init; }

    /// <inheritdoc/>
    public required TimeSpan RefreshInterval { get; init; }

    internal static DnsDiscoveryOptions Bind(ConfigReader r)
    {
        const string p = "meshactors.discovery.dns.";
        return new DnsDiscoveryOptions
        {
            Enabled = r.Bool(p + "enabled", "set true or false"),
            RefreshInterval = r.Duration(p + "refresh-interval", TimeSpan.FromMilliseconds(100), TimeSpan.FromDays(1), "set a duration such as 30s"),
        };
    }
}
