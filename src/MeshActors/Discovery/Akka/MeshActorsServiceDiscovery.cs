using System.Collections.Concurrent;
using Akka.Actor;
using Akka.Discovery;
using Akka.Event;

namespace MeshActors.Discovery.Akka;

/// <summary>
/// A MeshActors discovery provider as an Akka.Discovery <see cref="ServiceDiscovery"/>, selected
/// by its method name (<c>akka.discovery.method = meshactors-dns</c>, or
/// <c>Discovery.Get(system).LoadServiceDiscovery("meshactors-dns")</c>). Each lookup runs the
/// provider once and maps every contact point to a <see cref="ServiceDiscovery.ResolvedTarget"/>.
/// Lookups of one provider run one at a time (a provider keeps state between runs, such as an
/// HTTP ETag). The provider is started on the first lookup and disposed when the ActorSystem
/// terminates.
/// </summary>
public abstract class MeshActorsServiceDiscovery : ServiceDiscovery
{
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);
    private readonly ConcurrentDictionary<string, StartOnce> _providers = new(StringComparer.Ordinal);
    private readonly ILoggingAdapter? _log;

    /// <summary>Creates the plugin for <paramref name="system"/>; the subclass binds its settings.</summary>
    /// <param name="system">The ActorSystem; its termination disposes the providers.</param>
    /// <param name="method">The method name, e.g. <c>meshactors-dns</c>, used in every message.</param>
    private protected MeshActorsServiceDiscovery(ExtendedActorSystem? system, string method)
    {
        Method = method;
        if (system is not null)
        {
            _log = Logging.GetLogger(system, GetType());
            system.RegisterOnTermination(() => DisposeProvidersAsync().AsTask().GetAwaiter().GetResult());
        }
    }

    /// <summary>The Akka.Discovery method name, e.g. <c>meshactors-dns</c>.</summary>
    public string Method { get; }

    /// <summary>Runs the provider once for <paramref name="lookup"/> and maps its contact points
    /// to targets: host (an SRV target's name, else the address), port (none when the provider
    /// knows none) and IP address (when the host is one). Finding nothing is an empty result.</summary>
    /// <exception cref="TimeoutException">(as the failed task) No answer within <paramref name="resolveTimeout"/>; the message names the method.</exception>
    /// <exception cref="DiscoveryException">(as the failed task) The provider failed; the message names the method, what failed and the setting to check.</exception>
    public override async Task<Resolved> Lookup(Lookup lookup, TimeSpan resolveTimeout)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        using var deadline = new CancellationTokenSource(resolveTimeout);
        var entered = false;
        StartOnce? provider = null;
        try
        {
            await _oneAtATime.WaitAsync(deadline.Token).ConfigureAwait(false);
            entered = true;
            var (key, create) = ProviderFor(lookup);
            provider = _providers.GetOrAdd(key, _ => new StartOnce(create()));
            var result = await provider.DiscoverAsync(deadline.Token).WaitAsync(deadline.Token).ConfigureAwait(false);
            var resolved = new Resolved(lookup.ServiceName, ResolvedTargets.From(result.ContactPoints));
            _log?.Debug("{0}: {1} → {2} target(s)", Method, lookup, resolved.Addresses.Count);
            return resolved;
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            throw new TimeoutException($"{Method}: no answer for {lookup} within {resolveTimeout.TotalMilliseconds:0} ms; {TimeoutHint}");
        }
        catch (DiscoveryException ex)
        {
            _log?.Warning("{0}: {1} failed: {2}", Method, lookup, ex.Message);
            throw new DiscoveryException($"{Method}: {WithoutPrefix(ex.Message, provider?.Name)}", ex);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new DiscoveryException($"{Method}: {lookup} failed unexpectedly: {ex.Message}", ex);
        }
        finally
        {
            if (entered)
            {
                _oneAtATime.Release();
            }
        }
    }

    /// <summary>What to check when a lookup times out, e.g. the provider's own timeout settings.</summary>
    private protected abstract string TimeoutHint { get; }

    /// <summary>The provider that answers <paramref name="lookup"/>: a key (the same key reuses
    /// the provider created for it, which is started once before its first run) and how to create
    /// it. A lookup the method cannot serve throws <see cref="DiscoveryException"/>.</summary>
    private protected abstract (string Key, Func<IDiscoveryProvider> Create) ProviderFor(Lookup lookup);

    /// <summary>Disposes every provider created (the ActorSystem's termination calls this).</summary>
    internal async ValueTask DisposeProvidersAsync()
    {
        foreach (var provider in _providers.Values)
        {
            await provider.DisposeAsync().ConfigureAwait(false);
        }

        _providers.Clear();
    }

    private static string WithoutPrefix(string message, string? providerName) =>
        providerName is not null && message.StartsWith(providerName + ": ", StringComparison.Ordinal) ? message[(providerName.Length + 2)..] : message;
}
