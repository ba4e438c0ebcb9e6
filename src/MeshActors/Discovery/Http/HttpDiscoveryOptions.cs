using MeshActors.Configuration;

namespace MeshActors.Discovery.Http;

/// <summary><c>meshactors.discovery.http</c>: contact points from an HTTP rendezvous endpoint returning a JSON list of seeds.</summary>
public sealed record HttpDiscoveryOptions : IProviderOptions
{
    /// <inheritdoc/>
    public required bool Enabled { get; init; }

    /// <inheritdoc/>
    public required TimeSpan RefreshInterval { get; init; }

    internal static HttpDiscoveryOptions Bind(ConfigReader r)
    {
        const string p = "meshactors.discovery.http.";
        return new HttpDiscoveryOptions
        {
            Enabled = r.Bool(p + "enabled", "set true or false"),
            RefreshInterval = r.Duration(p + "refresh-interval", TimeSpan.FromMilliseconds(100), TimeSpan.FromDays(1), "set a duration such as 30s"),
        };
    }
}
