using MeshActors.Configuration;

namespace MeshActors.Discovery.Aws;

/// <summary><c>meshactors.discovery.aws</c>: contact points from AWS EC2 DescribeInstances by tags.</summary>
public sealed record AwsDiscoveryOptions : IProviderOptions
{
    /// <inheritdoc/>
    public required bool Enabled { get; init; }

    /// <inheritdoc/>
    public required TimeSpan RefreshInterval { get; init; }

    /// <summary><c>region</c>: the EC2 region; empty: AWS_REGION, then AWS_DEFAULT_REGION.</summary>
    public string Region { get; init; } = "";

    /// <summary><c>endpoint</c>: the EC2 endpoint URL; empty: https://ec2.&lt;region&gt;.amazonaws.com.</summary>
    public string Endpoint { get; init; } = "";

    /// <summary><c>tags</c>: <c>key=value</c> pairs an instance must all carry.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary><c>port</c>: the mesh port of every instance; 0: this node's own transport port.</summary>
    public int Port { get; init; }

    /// <summary><c>port-tag</c>: when set, an instance tag whose value overrides <see cref="Port"/> for that instance.</summary>
    public string PortTag { get; init; } = "";

    /// <summary><c>request-timeout</c>: how long resolving credentials, and each DescribeInstances page, may take.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The tags as (key, value) pairs; entries without '=' are left out (binding reports them).</summary>
    internal IEnumerable<(string Key, string Value)> TagFilters =>
        Tags.Select(t => t.Split('=', 2)).Where(kv => kv.Length == 2 && kv[0].Length > 0).Select(kv => (kv[0], kv[1]));

    internal static AwsDiscoveryOptions Bind(ConfigReader r)
    {
        const string p = "meshactors.discovery.aws.";
        var options = new AwsDiscoveryOptions
        {
            Enabled = r.Bool(p + "enabled", "set true or false"),
            RefreshInterval = r.Duration(p + "refresh-interval", TimeSpan.FromMilliseconds(100), TimeSpan.FromDays(1), "set a duration such as 30s"),
            Region = r.String(p + "region", "set a region such as \"eu-west-1\", or \"\" for AWS_REGION"),
            Endpoint = r.String(p + "endpoint", "set an https URL, or \"\" for https://ec2.<region>.amazonaws.com"),
            Tags = r.StringList(p + "tags", "write a list of \"key=value\" strings, e.g. [\"mesh-cluster=payments\"]"),
            Port = (int)r.Long(p + "port", 0, 65535, "set the mesh transport port, or 0 for this node's own"),
            PortTag = r.String(p + "port-tag", "set a tag key such as \"mesh-port\", or \"\""),
            RequestTimeout = r.Duration(p + "request-timeout", TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(5), "set a duration such as 10s"),
        };
        for (var i = 0; i < options.Tags.Count; i++)
        {
            if (options.Tags[i].IndexOf('=') <= 0)
            {
                r.Add(p + "tags." + i, $"\"{options.Tags[i]}\" is not key=value", "write e.g. \"mesh-cluster=payments\"");
            }
        }

        if (options.Enabled && options.Tags.Count == 0)
        {
            r.Add(p + "tags", "is empty, so every running instance of the account would be a contact point", "set the tags that mark the fleet, e.g. [\"mesh-cluster=payments\"]");
        }

        if (options.Endpoint.Length > 0 && !(Uri.TryCreate(options.Endpoint, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"))
        {
            r.Add(p + "endpoint", $"\"{options.Endpoint}\" is not an http(s) URL", "set e.g. \"https://ec2.eu-west-1.amazonaws.com\", or \"\"");
        }

        return options;
    }
}
