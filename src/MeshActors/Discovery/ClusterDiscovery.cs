using MeshActors.Actors;
using MeshActors.Discovery.Bootstrap;
using MeshActors.Discovery.PeerCache;
using MeshActors.Transport;
using MeshActors.Transport.Wire;
using Microsoft.Extensions.Logging;

namespace MeshActors.Discovery;

/// <summary>
/// A node's discovery, for embedders and the control plane: every provider's health, the
/// bootstrap's state and reasons, and manual introductions. One discovery coordinator actor runs
/// each provider; one bootstrap coordinator decides whom to join.
/// </summary>
public sealed class ClusterDiscovery
{
    private readonly DiscoveryStart _start;
    private readonly DiscoveryBoard _board;
    private readonly List<ProviderRegistration> _providers;
    private readonly PeerCacheStore? _cache;
    private readonly ILogger _log;
    private readonly CancellationTokenSource _stopping = new();
    private IActorRef<BootstrapCoordinator.Protocol.Message> _bootstrap = null!;
    private Task _recorder = Task.CompletedTask;

    private ClusterDiscovery(DiscoveryStart start, DiscoveryBoard board, List<ProviderRegistration> providers, PeerCacheStore? cache, ILogger log)
    {
        _log = log;
        _start = start;
        _board = board;
        _providers = providers;
        _cache = cache;
    }

    /// <summary>Discovery health: every provider, and the bootstrap with its reasons.</summary>
    public DiscoveryReport GetReport() => _board.Report();

    /// <summary>
    /// Introduces a peer by hand: probes <paramref name="address"/> (requiring the key
    /// <paramref name="fingerprint"/> when given) and keeps it as a static contact point, so the
    /// bootstrap dials it and, once joined, introduces it to membership. A peer whose handshake is
    /// refused (wrong key, another cluster) is not kept.
    /// </summary>
    /// <exception cref="FormatException"><paramref name="fingerprint"/> is not a <c>sha256:</c> fingerprint.</exception>
    /// <exception cref="NotSupportedException">A fingerprint was given but this transport cannot pin keys.</exception>
    public async Task<IntroductionResult> IntroduceAsync(NodeAddress address, string? fingerprint, CancellationToken cancellationToken = default)
    {
        if (fingerprint is not null)
        {
            fingerprint = Security.PublicKeyFingerprint.Parse(fingerprint);
            (_start.PinKey ?? throw new NotSupportedException("this transport cannot pin keys"))(address, fingerprint);
        }

        Diagnostics.MeshLog.PeerIntroduced(_log, address.ToString(), fingerprint is null ? string.Empty : $", pinned to key {fingerprint}");
        IntroductionResult result;
        BootstrapInfo? info = null;
        try
        {
            var answer = await _start.Transport.RequestAsync(address, new BootstrapQuery { FromAddress = _start.Transport.LocalAddress.ToString() }, _start.Options.Bootstrap.ProbeTimeout, cancellationToken).ConfigureAwait(false);
            info = answer as BootstrapInfo;
            result = new IntroductionResult(address, info?.NodeId, info is not null, info?.Joined ?? false, false, info is null ? $"answered with {answer.Descriptor.Name}" : null);
        }
        catch (HandshakeRefusedException ex)
        {
            _start.PinKey?.Invoke(address, null);
            return new IntroductionResult(address, null, false, false, true, ex.Message);
        }
        catch (Exception ex) when (ex is TransportException or TimeoutException)
        {
            result = new IntroductionResult(address, null, false, false, false, ex.Message);
        }

        // The probe's answer goes along, so the bootstrap does not dial the peer a second time.
        _bootstrap.Tell(new BootstrapCoordinator.Protocol.AddManual(new ContactPoint(address, "manual") { NodeId = result.NodeId, Fingerprint = fingerprint, Source = "POST /control/peers" }, info, result.Error));
        return result;
    }

    /// <summary>Forgets a peer by node id or address: its manual introduction, its key pin and its
    /// peer-cache entry. Membership is not changed. Returns whether anything was forgotten.</summary>
    public async Task<bool> ForgetAsync(string nodeIdOrAddress)
    {
        var manual = await _bootstrap.Ask((IActorRef<bool> r) => new BootstrapCoordinator.Protocol.RemoveManual(nodeIdOrAddress, r), TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        if (NodeAddress.TryParse(nodeIdOrAddress, out var address, out _))
        {
            _start.PinKey?.Invoke(address, null);
        }

        var cached = _cache?.Forget(nodeIdOrAddress) ?? false;
        return manual || cached;
    }

    internal static ClusterDiscovery Start(ActorSystem system, DiscoveryStart start)
    {
        var options = start.Options;
        var context = start.Context;
        var log = context.LoggerFactory.CreateLogger<ClusterDiscovery>();
        var cache = options.PeerCache.Enabled ? PeerCacheStore.Open(Path.Combine(context.DataDir, options.PeerCache.File), log, context.Time) : null;
        var providers = DiscoveryProviders.Create(options, context, cache);
        providers.AddRange(start.ExtraProviders);
        var discovery = new ClusterDiscovery(start, new DiscoveryBoard(context.NodeId, context.Time.GetUtcNow()), providers, cache, log);
        foreach (var (name, tier) in DiscoveryProviders.Disabled(options))
        {
            discovery._board.Set(new ProviderHealth(name, tier, false, 0, null, null, null, 0, [], null, 0, null));
        }

        discovery._bootstrap = system.Spawn("bootstrap", () => new BootstrapCoordinator(new BootstrapCoordinatorOptions
        {
            NodeId = context.NodeId,
            Transport = start.Transport,
            Membership = start.Membership,
            Settings = options.Bootstrap,
            Board = discovery._board,
            PinKey = start.PinKey,
            Providers = providers.Select(p => p.Provider.Name).ToList(),
            DiscoveryConfigured = options.Static.Seeds.Any(s => s != start.Transport.LocalAddress) || options.AnyDynamicProvider || options.Static.FallbackSeeds.Count > 0 || start.ExtraProviders.Count > 0,
        }));
        foreach (var registration in providers)
        {
            system.Spawn("discovery-" + registration.Provider.Name, () => new DiscoveryCoordinator(
                registration,
                found => discovery._bootstrap.Tell(new BootstrapCoordinator.Protocol.Found(found)),
                discovery._board,
                options.FailureBackoffMin,
                options.FailureBackoffMax));
        }

        if (cache is not null)
        {
            discovery._recorder = Task.Run(() => PeerCacheRecorder.RunAsync(start.Membership, cache, options.PeerCache, context.Time, discovery._stopping.Token));
        }

        return discovery;
    }

    /// <summary>Tells the bootstrap that membership is up (membership's up callback).</summary>
    internal void NotifyUp() => _bootstrap.Tell(BootstrapCoordinator.Protocol.MembershipUp.Instance);

    /// <summary>Stops recording, disposes every provider (mDNS says goodbye) and closes the cache.</summary>
    internal async Task StopAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await _recorder.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Cancelled, or the membership stream ended with the node: nothing is left to record.
        }

        foreach (var registration in _providers)
        {
            try
            {
                await registration.Provider.DisposeAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // A provider that fails to stop must not keep the node from stopping.
            }
        }

        _cache?.Dispose();
    }
}
