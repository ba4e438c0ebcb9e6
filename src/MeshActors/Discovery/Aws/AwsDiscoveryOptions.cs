using MeshActors.Configuration;

namespace MeshActors.Discovery.Aws;

/// <summary>
/// <c>meshactors.discovery.aws</c>: contact points from EC2 DescribeInstances, with the settings
/// of Akka.Discovery.AwsApi's <c>aws-api-ec2-tag-based</c> method (<c>tag-key</c>, <c>filters</c>,
/// <c>ports</c>, <c>region</c>, <c>endpoint</c>) so that an application can switch either way.
/// </summary>
public sealed record AwsDiscoveryOptions : IProviderOptions
{
    private const string P = "meshactors.discovery.aws.";

    /// <inheritdoc/>
    public required bool Enabled { get; init; }

    /// <inheritdoc/>
    public required TimeSpan RefreshInterval { get; init; }

    /// <summary><c>tag-key</c>: an instance is found when its tag of this key equals the service
    /// name (a node's cluster id; an Akka.Discovery lookup's service name). Empty: no such filter.</summary>
    public string TagKey { get; init; } = "service";

    /// <summary><c>filters</c>: more EC2 filters, as <c>name=value1,value2;name2=value</c>.</summary>
    public string Filters { get; init; } = "";

    /// <summary><c>ports</c>: one target per port per instance; empty: targets without a port.</summary>
    public IReadOnlyList<int> Ports { get; init; } = [];

    /// <summary><c>port-tag</c>: when set, an instance tag whose value (a port) replaces <see cref="Ports"/> for that instance.</summary>
    public string PortTag { get; init; } = "";

    /// <summary><c>region</c>: the EC2 region; empty: the SDK's region chain (AWS_REGION, the profile, instance metadata), or the endpoint's.</summary>
    public string Region { get; init; } = "";

    /// <summary><c>endpoint</c>: the EC2 service URL; empty: the region's public endpoint.</summary>
    public string Endpoint { get; init; } = "";

    /// <summary><c>ca</c>: a PEM file of the CA to trust for <see cref="Endpoint"/> instead of the system store; empty: the system store.</summary>
    public string Ca { get; init; } = "";

    /// <summary><c>request-timeout</c>: how long resolving credentials, and each DescribeInstances page, may take.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary><see cref="Filters"/> parsed (binding has checked the text).</summary>
    internal IReadOnlyList<(string Name, IReadOnlyList<string> Values)> FilterList =>
        Ec2FilterText.TryParse(Filters, out var filters, out _) ? filters : [];

    internal static AwsDiscoveryOptions Bind(ConfigReader r)
    {
        var options = new AwsDiscoveryOptions
        {
            Enabled = r.Bool(P + "enabled", "set true or false"),
            RefreshInterval = r.Duration(P + "refresh-interval", TimeSpan.FromMilliseconds(100), TimeSpan.FromDays(1), "set a duration such as 60s"),
            TagKey = r.String(P + "tag-key", "set a tag key such as \"service\", or \"\" to select by filters alone").Trim(),
            Filters = r.String(P + "filters", $"write EC2 filters as name=value1,value2;name2=value, e.g. {Ec2FilterText.Example}, or \"\""),
            Ports = BindPorts(r),
            PortTag = r.String(P + "port-tag", "set a tag key such as \"mesh-port\", or \"\"").Trim(),
            Region = r.String(P + "region", "set a region such as \"eu-west-1\", or \"\" for the SDK's region chain").Trim(),
            Endpoint = r.String(P + "endpoint", "set an https URL, or \"\" for the region's public endpoint").Trim(),
            Ca = r.FilePath(P + "ca", "set a PEM file path, or \"\" for the system trust store"),
            RequestTimeout = r.Duration(P + "request-timeout", TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(5), "set a duration such as 10s"),
        };
        Check(r, options);
        return options;
    }

    private static List<int> BindPorts(ConfigReader r)
    {
        var ports = new List<int>();
        var texts = r.StringList(P + "ports", "write a list of ports, e.g. [7946], or [] for none");
        for (var i = 0; i < texts.Count; i++)
        {
            if (int.TryParse(texts[i], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var port) && port is >= 1 and <= 65535)
            {
                ports.Add(port);
            }
            else
            {
                r.Add(P + "ports." + i, $"\"{texts[i]}\" is not a port from 1 to 65535", "write e.g. ports = [7946]");
            }
        }

        return ports;
    }

    private static void Check(ConfigReader r, AwsDiscoveryOptions options)
    {
        Migrated(r);
        if (!Ec2FilterText.TryParse(options.Filters, out var filters, out var problem))
        {
            r.Add(P + "filters", $"\"{options.Filters}\": {problem}",
                $"write EC2 filters as name=value1,value2;name2=value (';' between filters, ',' between values), e.g. {Ec2FilterText.Example}");
        }
        else if (options.Enabled && options.TagKey.Length == 0 && filters.Count == 0)
        {
            r.Add(P + "filters", "is empty while tag-key is empty, so every running instance of the account would be a contact point",
                "set tag-key (e.g. \"service\") or filters that mark the fleet, e.g. \"tag:mesh-cluster=payments\"");
        }

        if (options.Region.Length > 0 && !options.Region.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
        {
            r.Add(P + "region", $"\"{options.Region}\" is not a region name", "set e.g. \"eu-west-1\", or \"\"");
        }

        if (options.Endpoint.Length > 0 && !(Uri.TryCreate(options.Endpoint, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"))
        {
            r.Add(P + "endpoint", $"\"{options.Endpoint}\" is not an http(s) URL", "set e.g. \"https://ec2.eu-west-1.amazonaws.com\", or \"\"");
        }
    }

    /// <summary>The settings of the hand-written provider that Akka's names replaced: an error naming the old and the new key.</summary>
    private static void Migrated(ConfigReader r)
    {
        var set = r.Keys(P.TrimEnd('.'));
        if (set.Contains("tags"))
        {
            var old = r.StringList(P + "tags", "remove it");
            var suggestion = string.Join(';', old.Where(t => t.IndexOf('=') > 0).Select(t => "tag:" + t));
            r.Add(P + "tags", "was replaced by meshactors.discovery.aws.filters and .tag-key (the names of Akka.Discovery.AwsApi)",
                $"remove tags and write filters = \"{(suggestion.Length > 0 ? suggestion : "tag:mesh-cluster=payments")}\"; " +
                "tag-key (default \"service\") also requires the tag service = the cluster id: tag the instances so, or set tag-key = \"\"");
        }

        if (set.Contains("port"))
        {
            r.Add(P + "port", "was replaced by meshactors.discovery.aws.ports, a list (one target per port per instance)",
                "remove port and write e.g. ports = [7946], or ports = [] for targets without a port (a node then uses its own transport port)");
        }
    }
}
