using Akka.Configuration;

namespace MeshActors.Discovery.Akka;

/// <summary>
/// The HOCON that registers MeshActors' providers as Akka.Discovery methods
/// (<c>akka.discovery.meshactors</c>, <c>-static</c>, <c>-dns</c>, <c>-mdns</c>, <c>-aws</c>, <c>-http</c>,
/// <c>-peer-cache</c>, each with its <c>class</c>). Add it as a fallback of the ActorSystem's
/// configuration (<c>config.WithFallback(MeshActorsDiscoveryConfig.Default)</c>), or call
/// <see cref="MeshActorsDiscoveryHostingExtensions.WithMeshActorsDiscovery"/> with Akka.Hosting.
/// </summary>
public static class MeshActorsDiscoveryConfig
{
    private static readonly Lazy<string> Text = new(() =>
    {
        using var stream = typeof(MeshActorsDiscoveryConfig).Assembly.GetManifestResourceStream("MeshActors.akka-discovery.conf")
            ?? throw new InvalidOperationException("akka-discovery.conf is not embedded in the MeshActors assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    /// <summary>The method names, each registered under <c>akka.discovery.&lt;name&gt;</c>.</summary>
    public static IReadOnlyList<string> Methods { get; } =
    [
        TieredServiceDiscovery.MethodName,
        StaticServiceDiscovery.MethodName,
        DnsServiceDiscovery.MethodName,
        MdnsServiceDiscovery.MethodName,
        AwsServiceDiscovery.MethodName,
        HttpServiceDiscovery.MethodName,
        PeerCacheServiceDiscovery.MethodName,
    ];

    /// <summary>The HOCON text (the repository's <c>hocon/akka-discovery.conf</c>, embedded).</summary>
    public static string Hocon => Text.Value;

    /// <summary>The HOCON parsed.</summary>
    public static Config Default => ConfigurationFactory.ParseString(Hocon);
}
