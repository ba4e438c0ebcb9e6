using MeshActors.Configuration;

namespace MeshActors.Discovery.Aws;

/// <summary><c>meshactors.discovery.aws</c>: contact points from AWS EC2 DescribeInstances by tags.</summary>
public sealed record AwsDiscoveryOptions : IProviderOptions
{
    /// <inheritdoc/>
    public required bool Enabled { get; init; }

    /// <inheritdoc/>
    public required TimeSpan RefreshInterval { get; init; }

    internal static AwsDiscoveryOptions Bind(ConfigReader r)
    {
        const string p = "meshactors.discovery.aws.";
        return new AwsDiscoveryOptions
        {
            Enabled = r.Bool(p + "enabled", "set true or false"),
            RefreshInterval = r.Duration(p + "refresh-interval", TimeSpan.FromMilliseconds(100), TimeSpan.FromDays(1), "set a duration such as 30s"),
        };
    }
}
