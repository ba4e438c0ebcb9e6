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

        // mdns:
        if (options.Mdns.Enabled) providers.Add(new(new Mdns.MdnsDiscoveryProvider(options.Mdns, context), DiscoveryTier.Mdns, options.Mdns.RefreshInterval));

        // kubernetes:

        // aws:

        // http:

        // peer-cache: registered by the node (it also records accepted peers).

        _ = options;
        _ = context;
        return providers;
    }
}
