using Akka.Actor;
using Akka.Discovery;
using MeshActors.Discovery.Mdns;

namespace MeshActors.Discovery.Akka;

/// <summary>
/// <c>meshactors-mdns</c>: multicast DNS on the local network. From its first lookup on, this
/// ActorSystem advertises its remoting address (instance = the node id, TXT cluster = the
/// ActorSystem's name; the name is probed first and renamed, e.g. <c>node-1 (2)</c>, if another
/// host holds it) and answers queries; each lookup browses for <c>browse-window</c> and
/// returns the other instances of the same cluster (service type
/// <c>meshactors.discovery.mdns.service-type</c>, whatever the lookup's service name). A goodbye
/// is sent when the ActorSystem terminates. Needs Akka.Remote: there is nothing to advertise
/// without a remoting address.
/// </summary>
public sealed class MdnsServiceDiscovery : MeshActorsServiceDiscovery
{
    /// <summary>The method name.</summary>
    public const string MethodName = "meshactors-mdns";

    private const string Settings = "meshactors.discovery.mdns.";

    private readonly MdnsDiscoveryOptions? _options;
    private readonly Func<IDiscoveryProvider> _create;

    /// <summary>Created by Akka.Discovery for <c>akka.discovery.meshactors-mdns</c>.</summary>
    /// <exception cref="global::Akka.Configuration.ConfigurationException">A setting is invalid, or the ActorSystem has no remoting address; the message names the fix.</exception>
    public MdnsServiceDiscovery(ExtendedActorSystem system)
        : base(system, MethodName)
    {
        var (options, id, dataDir) = PluginSettings.Bind(system, MethodName, "", r =>
        {
            var (nodeId, folder) = PluginSettings.Node(r);
            return (MdnsDiscoveryOptions.Bind(r), nodeId, folder);
        });
        var self = system.Provider.DefaultAddress;
        if (self.Host is null || self.Port is not > 0)
        {
            throw PluginSettings.CannotStart(system, MethodName,
                $"it advertises this ActorSystem's remoting address, and {self} has none. Enable Akka.Remote (akka.actor.provider = remote or cluster, with a port), or choose another discovery method");
        }

        _options = options;
        var context = PluginSettings.Context(system, PluginSettings.NodeId(system, id, dataDir, MethodName), dataDir) with { LocalAddress = new NodeAddress(self.Host, self.Port.Value) };
        _create = () => new MdnsDiscoveryProvider(options, context);
    }

    /// <summary>Over a provider given directly, without an ActorSystem (tests).</summary>
    internal MdnsServiceDiscovery(IDiscoveryProvider provider)
        : base(null, MethodName)
    {
        _create = () => provider;
    }

    /// <summary>Created by Akka.Discovery with the method's own section (not needed: settings come from <c>meshactors.discovery.mdns</c>).</summary>
    public MdnsServiceDiscovery(ExtendedActorSystem system, global::Akka.Configuration.Config methodConfig)
        : this(system)
    {
    }

    private protected override string TimeoutHint =>
        $"each lookup listens for {Settings}browse-window ({(_options?.BrowseWindow ?? TimeSpan.Zero).TotalMilliseconds:0} ms), so give it more time than that";

    private protected override (string Key, Func<IDiscoveryProvider> Create) ProviderFor(Lookup lookup) => ("", _create);
}
