using MeshActors.Configuration;

namespace MeshActors.Discovery.Http;

/// <summary><c>meshactors.discovery.http</c>: contact points from an HTTP rendezvous endpoint returning a JSON list of seeds.</summary>
public sealed record HttpDiscoveryOptions : IProviderOptions
{
    /// <inheritdoc/>
    public required bool Enabled { get; init; }

    /// <inheritdoc/>
    public required TimeSpan RefreshInterval { get; init; }

    /// <summary><c>url</c>: the http(s) URL answering <c>["host:port", …]</c> or <c>{"seeds": [...]}</c>.</summary>
    public string Url { get; init; } = "";

    /// <summary><c>timeout</c>: how long one fetch (connect, headers and body) may take.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary><c>ca</c>: a PEM file of the CA to trust for the server's certificate; empty: the system store.</summary>
    public string Ca { get; init; } = "";

    internal static HttpDiscoveryOptions Bind(ConfigReader r)
    {
        const string p = "meshactors.discovery.http.";
        var options = new HttpDiscoveryOptions
        {
            Enabled = r.Bool(p + "enabled", "set true or false"),
            RefreshInterval = r.Duration(p + "refresh-interval", TimeSpan.FromMilliseconds(100), TimeSpan.FromDays(1), "set a duration such as 30s"),
            Url = r.String(p + "url", "set the rendezvous URL, e.g. \"https://seeds.example.com/mesh.json\""),
            Timeout = r.Duration(p + "timeout", TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(5), "set a duration such as 5s"),
            Ca = r.String(p + "ca", "set a PEM file path, or \"\" for the system trust store"),
        };
        if (options.Enabled && !(Uri.TryCreate(options.Url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"))
        {
            r.Add(p + "url", options.Url.Length == 0 ? "is empty, but the http provider is enabled" : $"\"{options.Url}\" is not an http(s) URL",
                "set the rendezvous URL, e.g. \"https://seeds.example.com/mesh.json\", or set enabled = false");
        }

        return options;
    }
}
