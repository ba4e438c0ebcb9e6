using Akka.Actor;
using Akka.Discovery;
using MeshActors.Discovery.Static;

namespace MeshActors.Discovery.Akka;

/// <summary>
/// <c>meshactors-static</c>: the contact points of <c>meshactors.discovery.static.contact-points</c>
/// ("host:port" strings) for every lookup, whatever its service name. Akka's own <c>config</c>
/// method keys its endpoints by service name; this one reads MeshActors' seed list.
/// </summary>
public sealed class StaticServiceDiscovery : MeshActorsServiceDiscovery
{
    /// <summary>The method name.</summary>
    public const string MethodName = "meshactors-static";

    private readonly IReadOnlyList<NodeAddress> _seeds;

    /// <summary>Created by Akka.Discovery for <c>akka.discovery.meshactors-static</c>.</summary>
    /// <exception cref="global::Akka.Configuration.ConfigurationException">A seed is not host:port; the message names it.</exception>
    public StaticServiceDiscovery(ExtendedActorSystem system)
        : base(system, MethodName)
    {
        _seeds = PluginSettings.Bind(system, MethodName, "", StaticDiscoveryOptions.Bind).ContactPoints;
    }

    /// <summary>Created by Akka.Discovery with the method's own section (not needed: settings come from <c>meshactors.discovery.static</c>).</summary>
    public StaticServiceDiscovery(ExtendedActorSystem system, global::Akka.Configuration.Config methodConfig)
        : this(system)
    {
    }

    private protected override string TimeoutHint => "the seed list is in memory, so only a very short resolve timeout can expire";

    private protected override (string Key, Func<IDiscoveryProvider> Create) ProviderFor(Lookup lookup) =>
        ("", () => new StaticDiscoveryProvider("static", _seeds));
}
