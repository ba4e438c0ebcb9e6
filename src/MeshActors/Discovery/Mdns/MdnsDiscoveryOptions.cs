using MeshActors.Configuration;

namespace MeshActors.Discovery.Mdns;

/// <summary><c>meshactors.discovery.mdns</c>: contact points from mDNS (RFC 6762/6763) on the local network.</summary>
public sealed record MdnsDiscoveryOptions : IProviderOptions
{
    /// <inheritdoc/>
    public required bool Enabled { get; init; }

    /// <inheritdoc/>
    public required TimeSpan RefreshInterval { get; init; }

    internal static MdnsDiscoveryOptions Bind(ConfigReader r)
    {
        const string p = "meshactors.discovery.mdns.";
        return new MdnsDiscoveryOptions
        {
            Enabled = r.Bool(p + "enabled", "set true or false"),
            RefreshInterval = r.Duration(p + "refresh-interval", TimeSpan.FromMilliseconds(100), TimeSpan.FromDays(1), "set a duration such as 30s"),
        };
    }
}
