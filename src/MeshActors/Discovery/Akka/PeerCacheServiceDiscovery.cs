using Akka.Actor;
using Akka.Discovery;
using MeshActors.Discovery.PeerCache;
using Microsoft.Extensions.Logging;

namespace MeshActors.Discovery.Akka;

/// <summary>
/// <c>meshactors-peer-cache</c>: the best-scored peers remembered in the peer cache
/// (<c>meshactors.discovery.peer-cache.file</c> in <c>meshactors.node.data-dir</c>, SQLite), up
/// to <c>max-contact-points</c>, leaving out this process's own node id and peers not seen for
/// <c>forget-after</c>; whatever the lookup's service name. Only reads the cache: a MeshActors
/// node writes it as it accepts peers.
/// </summary>
public sealed class PeerCacheServiceDiscovery : MeshActorsServiceDiscovery
{
    /// <summary>The method name.</summary>
    public const string MethodName = "meshactors-peer-cache";

    private readonly PeerCacheOptions _options;
    private readonly DiscoveryContext _context;
    private readonly Lazy<PeerCacheStore> _store;

    /// <summary>Created by Akka.Discovery for <c>akka.discovery.meshactors-peer-cache</c>.</summary>
    /// <exception cref="global::Akka.Configuration.ConfigurationException">A setting is invalid; the message names it.</exception>
    public PeerCacheServiceDiscovery(ExtendedActorSystem system)
        : base(system, MethodName)
    {
        var (options, id, dataDir) = PluginSettings.Bind(system, MethodName, "", r =>
        {
            var (nodeId, folder) = PluginSettings.Node(r);
            return (PeerCacheOptions.Bind(r), nodeId, folder);
        });
        _options = options;
        _context = PluginSettings.Context(system, PluginSettings.NodeId(system, id, dataDir, MethodName), dataDir);
        _store = new Lazy<PeerCacheStore>(() => PeerCacheStore.Open(Path.Combine(dataDir, options.File), _context.LoggerFactory.CreateLogger<PeerCacheServiceDiscovery>(), _context.Time));
        system.RegisterOnTermination(() =>
        {
            if (_store.IsValueCreated)
            {
                _store.Value.Dispose();
            }
        });
    }

    /// <summary>Created by Akka.Discovery with the method's own section (not needed: settings come from <c>meshactors.discovery.peer-cache</c>).</summary>
    public PeerCacheServiceDiscovery(ExtendedActorSystem system, global::Akka.Configuration.Config methodConfig)
        : this(system)
    {
    }

    private protected override string TimeoutHint => $"the cache is a local SQLite file; check that {_context.DataDir} is on a responsive disk";

    private protected override (string Key, Func<IDiscoveryProvider> Create) ProviderFor(Lookup lookup) =>
        ("", () => new PeerCacheProvider(_store.Value, _options, _context));
}
