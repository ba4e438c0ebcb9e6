using MeshActors.Configuration;

namespace MeshActors.Discovery.Kubernetes;

/// <summary><c>meshactors.discovery.kubernetes</c>: contact points from the Kubernetes API server (pods or EndpointSlices).</summary>
public sealed record KubernetesDiscoveryOptions : IProviderOptions
{
    /// <inheritdoc/>
    public required bool Enabled { get; init; }

    /// <inheritdoc/>
    public required TimeSpan RefreshInterval { get; init; }

    internal static KubernetesDiscoveryOptions Bind(ConfigReader r)
    {
        const string p = "meshactors.discovery.kubernetes.";
        return new KubernetesDiscoveryOptions
        {
            Enabled = r.Bool(p + "enabled", "set true or false"),
            RefreshInterval = r.Duration(p + "refresh-interval", TimeSpan.FromMilliseconds(100), TimeSpan.FromDays(1), "set a duration such as 30s"),
        };
    }
}
