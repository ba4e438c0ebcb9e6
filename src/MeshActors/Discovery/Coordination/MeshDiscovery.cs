using Akka.Actor;
using MeshActors.Configuration;
using MeshActors.Diagnostics;
using MeshActors.Discovery.Akka;
using MeshActors.Discovery.PeerCache;
using MeshActors.Randomness;
using Microsoft.Extensions.Logging;
using Prometheus;
using static MeshActors.Discovery.Coordination.ProviderCoordinator.Protocol;

namespace MeshActors.Discovery.Coordination;

/// <summary>
/// MeshActors discovery in one ActorSystem (an Akka extension; <see cref="Get"/>): one
/// <see cref="ProviderCoordinator"/> per enabled provider under
/// <c>/system/meshactors-discovery/&lt;provider&gt;</c>, plus a <c>manual</c> provider for
/// introductions made at run time. Its answers: every provider's health, and the merged
/// dialling order of their latest results (static and manual → dns → mdns → kubernetes/aws/http
/// → peer-cache; the fallback seeds only when all of those are empty). The <c>meshactors</c>
/// Akka.Discovery method (<see cref="TieredServiceDiscovery"/>) answers from it.
/// </summary>
public sealed class MeshDiscovery : IExtension
{
    private readonly ActorSystem _system;
    private readonly IReadOnlyList<(string Name, DiscoveryTier Tier, IActorRef Guardian)> _coordinators;
    private readonly IReadOnlyList<ProviderHealth> _disabled;
    private readonly ManualIntroductions _manual;
    private readonly IRandomSource _random;
    private readonly Lock _randomGate = new();
    private readonly TimeSpan _runTimeout;

    internal MeshDiscovery(ExtendedActorSystem system)
    {
        _system = system;
        var setup = system.Settings.Setup.Get<MeshDiscoverySetup>();
        var (options, context, cache, persistManual) = setup.HasValue ? FromNode(system, setup.Value) : FromConfig(system);
        MetricsRegistry = setup.HasValue && setup.Value.Metrics is { } registry ? registry : Metrics.NewCustomRegistry();
        var metrics = new DiscoveryMetrics(MetricsRegistry);
        _random = context.Random.Split();
        _runTimeout = options.RunTimeout;
        var log = context.LoggerFactory.CreateLogger<MeshDiscovery>();
        _manual = new ManualIntroductions(persistManual ? Path.Combine(context.DataDir, ManualIntroductions.FileName) : null, log);

        var registrations = DiscoveryProviders.Create(options, context, cache);
        registrations.Insert(0, new ProviderRegistration(new ManualProvider(_manual), DiscoveryTier.Static, TimeSpan.FromHours(1)));
        var settings = CoordinatorSettings.From(options);
        var children = registrations
            .Select(r => (r.Provider.Name, ProviderCoordinator.Props(r, settings, metrics, context.Random.Split(), context.LoggerFactory)))
            .ToList();
        var guardian = system.SystemActorOf(Props.Create(() => new DiscoveryGuardian(children)), DiscoveryGuardian.Name);
        _coordinators = registrations.Select(r => (r.Provider.Name, r.Tier, guardian)).ToList();
        _disabled = DiscoveryProviders.Disabled(options)
            .Concat(options.PeerCache.Enabled && cache is null ? [("peer-cache", DiscoveryTier.Cache)] : [])
            .Select(d => ProviderHealth.Off(d.Name, d.Tier))
            .ToList();
    }

    /// <summary>This node's own bootstrap endpoint, once its listener runs (set by the node);
    /// null in a plain Akka.NET application.</summary>
    internal NodeAddress? Self { get; private set; }

    /// <summary>Sets <see cref="Self"/>: the tiered method then always lists this node among the
    /// contact points, as a DNS name listing every node would. Akka's join decider lets a node form
    /// a cluster only if it finds itself among the contact points (the lowest one), and most
    /// providers leave this node out (mDNS and the peer cache always do).</summary>
    internal void SetSelf(NodeAddress self) => Self = self;

    /// <summary>The names of the providers that run, in tier order (<c>manual</c> first).</summary>
    public IReadOnlyList<string> Providers => _coordinators.Select(c => c.Name).ToList();

    /// <summary>The registry the discovery metrics are in: the node's when its setup gave one.</summary>
    public CollectorRegistry MetricsRegistry { get; }

    /// <summary>The current manual introductions.</summary>
    public IReadOnlyList<ContactPoint> Manual => _manual.Snapshot;

    /// <summary>The discovery of <paramref name="system"/>, created (and its coordinators started) on first use.</summary>
    public static MeshDiscovery Get(ActorSystem system) => system.WithExtension<MeshDiscovery, MeshDiscoveryExtension>();

    /// <summary>Every provider's health: the running ones in tier order, then those turned off.</summary>
    /// <exception cref="TimeoutException">(as the failed task) A coordinator did not answer within <paramref name="timeout"/>.</exception>
    public async Task<IReadOnlyList<ProviderHealth>> HealthAsync(TimeSpan timeout)
    {
        var health = await Task.WhenAll(_coordinators.Select(c => AskAsync<ProviderHealth>(c, GetHealth.Instance, timeout))).ConfigureAwait(false);
        return [.. health, .. _disabled];
    }

    /// <summary>The merged dialling order of the providers' latest successful results (see
    /// <see cref="MeshDiscovery"/>). A provider that has not succeeded yet, or does not answer
    /// within <paramref name="timeout"/>, contributes nothing.</summary>
    public Task<IReadOnlyList<MergedContact>> ContactsAsync(TimeSpan timeout) => ContactsAsync(timeout, awaitFirstRun: false);

    /// <summary>Runs every provider now and completes when each has finished that run (or its
    /// run timeout has passed).</summary>
    public Task RefreshAllAsync() =>
        Task.WhenAll(_coordinators.Select(c => AskAsync<Refreshed>(c, RefreshNow.Instance, (_runTimeout * 2) + TimeSpan.FromSeconds(5))));

    /// <summary>Introduces <paramref name="point"/> by hand: it is served by the <c>manual</c>
    /// provider (static tier) from now on, replacing an earlier introduction of its address.</summary>
    public void AddManual(ContactPoint point)
    {
        ArgumentNullException.ThrowIfNull(point);
        _manual.Add(point);
        RefreshManual();
    }

    /// <summary>Withdraws the manual introduction of <paramref name="address"/>; false when there was none.</summary>
    public bool RemoveManual(NodeAddress address)
    {
        var removed = _manual.Remove(address);
        if (removed)
        {
            RefreshManual();
        }

        return removed;
    }

    /// <summary>The merged order; with <paramref name="awaitFirstRun"/>, first waits (up to
    /// <paramref name="timeout"/>) for providers whose first run has not finished.</summary>
    internal async Task<IReadOnlyList<MergedContact>> ContactsAsync(TimeSpan timeout, bool awaitFirstRun)
    {
        object question = awaitFirstRun ? AwaitFirstRun.Instance : GetLatest.Instance;
        var latest = await Task.WhenAll(_coordinators.Select(async c =>
        {
            try
            {
                return await AskAsync<Latest>(c, question, timeout).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                return new Latest(c.Name, c.Tier, null);
            }
        })).ConfigureAwait(false);
        lock (_randomGate)
        {
            return ContactMerge.Merge(latest.Where(l => l.Result is not null).Select(l => (l.Tier, l.Result!.ContactPoints)), _random);
        }
    }

    private void RefreshManual()
    {
        var manual = _coordinators.First(c => c.Name == ManualIntroductions.ProviderName);
        manual.Guardian.Tell(new DiscoveryGuardian.ToProvider(manual.Name, RefreshNow.Instance), ActorRefs.NoSender);
    }

    private static async Task<T> AskAsync<T>((string Name, DiscoveryTier Tier, IActorRef Guardian) c, object message, TimeSpan timeout)
    {
        try
        {
            return await c.Guardian.Ask<T>(new DiscoveryGuardian.ToProvider(c.Name, message), timeout).ConfigureAwait(false);
        }
        catch (AskTimeoutException ex)
        {
            throw new TimeoutException($"discovery provider {c.Name} did not answer within {timeout.TotalMilliseconds:0} ms", ex);
        }
    }

    private static (DiscoveryOptions, DiscoveryContext, PeerCacheStore?, bool) FromNode(ExtendedActorSystem system, MeshDiscoverySetup setup)
    {
        var options = setup.Options ?? PluginSettings.Bind(system, TieredServiceDiscovery.MethodName, "", MeshActorsOptionsBinder.BindDiscovery);
        return (options, setup.Context, setup.Cache, setup.PersistManualIntroductions);
    }

    private static (DiscoveryOptions, DiscoveryContext, PeerCacheStore?, bool) FromConfig(ExtendedActorSystem system)
    {
        var (options, (id, dataDir)) = PluginSettings.Bind(system, TieredServiceDiscovery.MethodName, "", r => (MeshActorsOptionsBinder.BindDiscovery(r), PluginSettings.Node(r)));
        var remembers = options.Mdns.Enabled || options.PeerCache.Enabled;
        var context = remembers
            ? PluginSettings.Context(system, PluginSettings.NodeId(system, id, dataDir, TieredServiceDiscovery.MethodName), dataDir)
            : PluginSettings.Context(system);
        var self = system.Provider.DefaultAddress;
        if (options.Mdns.Enabled && self.Host is not null && self.Port is > 0)
        {
            context = context with { LocalAddress = new NodeAddress(self.Host, self.Port.Value) };
        }

        PeerCacheStore? cache = null;
        if (options.PeerCache.Enabled)
        {
            var store = PeerCacheStore.Open(Path.Combine(dataDir, options.PeerCache.File), context.LoggerFactory.CreateLogger<MeshDiscovery>(), context.Time);
            system.RegisterOnTermination(store.Dispose);
            cache = store;
        }

        return (options, context, cache, false);
    }
}
