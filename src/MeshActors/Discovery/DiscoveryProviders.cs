using MeshActors.Configuration;
using MeshActors.Discovery.PeerCache;
using MeshActors.Discovery.Static;

namespace MeshActors.Discovery;

/// <summary>The one place providers are registered by name: each enabled provider in tier order,
/// and the names of those that are off (so discovery health can show them as disabled).</summary>
internal static class DiscoveryProviders
{
    private static readonly TimeSpan StaticRefresh = TimeSpan.FromHours(1);

    /// <summary>Creates every enabled provider of <paramref name="options"/>; the peer cache's
    /// provider reads <paramref name="cache"/> (null when the cache is off).</summary>
    public static List<ProviderRegistration> Create(DiscoveryOptions options, DiscoveryContext context, PeerCacheStore? cache)
    {
        var providers = new List<ProviderRegistration>();
        if (options.Static.ContactPoints.Count > 0)
        {
            providers.Add(new(new StaticDiscoveryProvider("static", options.Static.ContactPoints), DiscoveryTier.Static, StaticRefresh));
        }

        if (options.Dns.Enabled)
        {
            providers.Add(new(new Dns.DnsDiscoveryProvider(options.Dns, context), DiscoveryTier.Dns, options.Dns.RefreshInterval));
        }

        if (options.Mdns.Enabled)
        {
            providers.Add(new(new Mdns.MdnsDiscoveryProvider(options.Mdns, context), DiscoveryTier.Mdns, options.Mdns.RefreshInterval));
        }

        if (options.Kubernetes.Enabled)
        {
            providers.Add(new(new Kubernetes.KubernetesDiscoveryProvider(options.Kubernetes, context), DiscoveryTier.Platform, options.Kubernetes.RefreshInterval));
        }

        if (options.Aws.Enabled)
        {
            providers.Add(new(new Aws.AwsDiscoveryProvider(options.Aws, context), DiscoveryTier.Platform, options.Aws.RefreshInterval));
        }

        if (options.Http.Enabled)
        {
            providers.Add(new(new Http.HttpDiscoveryProvider(options.Http, context), DiscoveryTier.Platform, options.Http.RefreshInterval));
        }

        if (cache is not null)
        {
            providers.Add(new(new PeerCacheProvider(cache, options.PeerCache, context), DiscoveryTier.Cache, options.PeerCache.RefreshInterval));
        }

        if (options.Static.FallbackSeeds.Count > 0)
        {
            providers.Add(new(new StaticDiscoveryProvider("fallback", options.Static.FallbackSeeds), DiscoveryTier.Fallback, StaticRefresh));
        }

        return providers;
    }

    /// <summary>The configurable providers that are off, with their tiers.</summary>
    public static IEnumerable<(string Name, DiscoveryTier Tier)> Disabled(DiscoveryOptions options)
    {
        (string, DiscoveryTier, bool)[] all =
        [
            ("static", DiscoveryTier.Static, options.Static.ContactPoints.Count > 0),
            ("dns", DiscoveryTier.Dns, options.Dns.Enabled),
            ("mdns", DiscoveryTier.Mdns, options.Mdns.Enabled),
            ("kubernetes", DiscoveryTier.Platform, options.Kubernetes.Enabled),
            ("aws", DiscoveryTier.Platform, options.Aws.Enabled),
            ("http", DiscoveryTier.Platform, options.Http.Enabled),
            ("peer-cache", DiscoveryTier.Cache, options.PeerCache.Enabled),
        ];
        return all.Where(p => !p.Item3).Select(p => (p.Item1, p.Item2));
    }
}
