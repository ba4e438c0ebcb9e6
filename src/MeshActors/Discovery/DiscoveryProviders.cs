using MeshActors.Configuration;

namespace MeshActors.Discovery;

/// <summary>The one place providers are registered by name: each enabled provider, in tier order.</summary>
internal static class DiscoveryProviders
{
    /// <summary>Creates every enabled provider of <paramref name="options"/>.</summary>
    public static List<ProviderRegistration> Create(DiscoveryOptions options, DiscoveryContext context)
    {
        var providers = new List<ProviderRegistration>();

        // static: registered by the bootstrap coordinator itself (seeds, manual introductions, fallback).

        // dns:
        if (options.Dns.Enabled) providers.Add(new(new Dns.DnsDiscoveryProvider(options.Dns, context), DiscoveryTier.Dns, options.Dns.RefreshInterval));

        // mdns:
        if (options.Mdns.Enabled) providers.Add(new(new Mdns.MdnsDiscoveryProvider(options.Mdns, context), DiscoveryTier.Mdns, options.Mdns.RefreshInterval));

        // kubernetes:
        if (options.Kubernetes.Enabled) providers.Add(new(new Kubernetes.KubernetesDiscoveryProvider(options.Kubernetes, context), DiscoveryTier.Platform, options.Kubernetes.RefreshInterval));

        // aws:
        if (options.Aws.Enabled) providers.Add(new(new Aws.AwsDiscoveryProvider(options.Aws, context), DiscoveryTier.Platform, options.Aws.RefreshInterval));

        // http:
        if (options.Http.Enabled) providers.Add(new(new Http.HttpDiscoveryProvider(options.Http, context), DiscoveryTier.Platform, options.Http.RefreshInterval));

        // peer-cache: registered by the node (it also records accepted peers).

        return providers;
    }
}
