using Akka.Actor;
using Akka.Discovery;
using Akka.Event;
using MeshActors.Discovery.Coordination;

namespace MeshActors.Discovery.Akka;

/// <summary>
/// <c>meshactors</c>: every enabled MeshActors provider at once, in tier order. Unlike the
/// per-provider methods, a lookup does not run a provider: it answers from the latest results of
/// <see cref="MeshDiscovery"/>'s coordinators, which run each provider on its own schedule, and
/// merges them (static and manual → dns → mdns → kubernetes/aws/http → peer-cache; the fallback
/// seeds only when all of those are empty; de-duplicated by address, shuffled within a tier by
/// SRV priority and weight). A provider whose first run has not finished is waited for until
/// shortly before the resolve timeout; then the lookup answers with what there is. A failing
/// provider contributes its last successful result (or nothing) and shows in
/// <see cref="MeshDiscovery.HealthAsync"/>; nothing found is an empty <see cref="ServiceDiscovery.Resolved"/>,
/// which Cluster Bootstrap treats as "keep looking". The service name is not used, but must not be empty.
/// </summary>
public sealed class TieredServiceDiscovery : ServiceDiscovery
{
    /// <summary>The method name.</summary>
    public const string MethodName = "meshactors";

    private static readonly TimeSpan Margin = TimeSpan.FromMilliseconds(100);
    private readonly MeshDiscovery _discovery;
    private readonly ILoggingAdapter _log;

    /// <summary>Created by Akka.Discovery for <c>akka.discovery.meshactors</c>; starts
    /// <see cref="MeshDiscovery"/> (and so the coordinators) if it is not running yet.</summary>
    /// <exception cref="global::Akka.Configuration.ConfigurationException">A setting of <c>meshactors.discovery</c> is invalid; the message names it.</exception>
    public TieredServiceDiscovery(ExtendedActorSystem system)
    {
        _discovery = MeshDiscovery.Get(system);
        _log = Logging.GetLogger(system, typeof(TieredServiceDiscovery));
    }

    /// <summary>Created by Akka.Discovery with the method's own section (not needed: settings come from <c>meshactors.discovery</c>).</summary>
    public TieredServiceDiscovery(ExtendedActorSystem system, global::Akka.Configuration.Config methodConfig)
        : this(system)
    {
    }

    /// <summary>The merged contact points as targets, mapped as the per-provider methods map
    /// them: host (an SRV target's name, else the address), port (none when 0), IP address (when
    /// the host is one).</summary>
    /// <exception cref="ArgumentException">(as the failed task) The lookup's service name is empty.</exception>
    public override async Task<Resolved> Lookup(Lookup lookup, TimeSpan resolveTimeout)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        if (string.IsNullOrWhiteSpace(lookup.ServiceName))
        {
            throw new ArgumentException($"{MethodName}: the lookup's service name is empty; any non-empty name will do (it is not used)", nameof(lookup));
        }

        var wait = resolveTimeout > Margin * 2 ? resolveTimeout - Margin : resolveTimeout / 2;
        var contacts = await _discovery.ContactsAsync(wait, awaitFirstRun: true).ConfigureAwait(false);
        var points = contacts.Select(c => c.Point).ToList();
        if (_discovery.Self is { } self && !points.Any(p => p.Address == self))
        {
            points.Add(new ContactPoint(self, "self") { Source = "this node's own bootstrap endpoint" });
        }

        var resolved = new Resolved(lookup.ServiceName, ResolvedTargets.From(points));
        _log.Debug("{0}: {1} → {2} target(s)", MethodName, lookup, resolved.Addresses.Count);
        return resolved;
    }
}
