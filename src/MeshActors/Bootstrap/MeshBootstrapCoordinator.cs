using System.Collections.Immutable;
using System.Text;
using Akka.Actor;
using Akka.Cluster;
using Akka.Discovery;
using Akka.Management.Cluster.Bootstrap;
using Akka.Management.Cluster.Bootstrap.Internal;
using static Akka.Discovery.ServiceDiscovery;
using static Akka.Management.Cluster.Bootstrap.Internal.BootstrapCoordinator.Protocol;

namespace MeshActors.Bootstrap;

/// <summary>
/// Akka Management's <see cref="BootstrapCoordinator"/> — its discovery rounds, backoff, stable
/// margin and join decider (lowest address forms) unchanged — with two additions: contact points
/// are probed by <see cref="SecureContactPointProbe"/> over mutual TLS (the stock prober's
/// <c>HttpClient</c> can present no client certificate), and every step is recorded in
/// <see cref="BootstrapStatus"/> for <c>/control/discovery</c> and <c>meshctl discovery explain</c>.
/// </summary>
internal sealed class MeshBootstrapCoordinator : BootstrapCoordinator
{
    private readonly ClusterBootstrapSettings _settings;
    private readonly BootstrapClient _client;
    private readonly BootstrapStatus _status;
    private readonly MeshActors.Diagnostics.NodeMetrics _metrics;
    private readonly Action<JoinDecisionRecord> _decided;
    private readonly int _fallbackPort;

    public MeshBootstrapCoordinator(ServiceDiscovery discovery, IJoinDecider joinDecider, ClusterBootstrapSettings settings, BootstrapClient client, BootstrapStatus status, MeshActors.Diagnostics.NodeMetrics metrics, int fallbackPort, Action<JoinDecisionRecord> decided)
        : base(discovery, joinDecider, settings)
    {
        (_settings, _client, _status, _metrics, _fallbackPort, _decided) = (settings, client, status, metrics, fallbackPort, decided);
    }

    protected override Receive Bootstrapping(IActorRef replyTo, string selfContactPointScheme)
    {
        var inner = base.Bootstrapping(replyTo, selfContactPointScheme);
        _status.Update(s => s with { Phase = "looking up" });
        return message =>
        {
            Observe(message);
            return inner(message);
        };
    }

    protected override IActorRef? EnsureProbing(string selfContactPointScheme, ResolvedTarget contactPoint)
    {
        var host = contactPoint.Address?.ToString() ?? contactPoint.Host;
        if (string.IsNullOrEmpty(host))
        {
            return null;
        }

        var port = contactPoint.Port ?? _fallbackPort;
        var name = ProbeName(host, port);
        var child = Context.Child(name);
        if (!child.IsNobody())
        {
            return child;
        }

        var endpoint = new MeshActors.Discovery.NodeAddress(host, port);
        return Context.ActorOf(Akka.Actor.Props.Create(() => new SecureContactPointProbe(_settings, contactPoint, endpoint, _client, _status, _metrics)), name);
    }

    /// <summary>A child name for a contact point: Akka's path characters only.</summary>
    internal static string ProbeName(string host, int port)
    {
        var name = new StringBuilder("probe-");
        foreach (var c in host)
        {
            name.Append(char.IsAsciiLetterOrDigit(c) || "-_.".Contains(c) ? c : '_');
        }

        return name.Append('-').Append(port).ToString();
    }

    private void Observe(object message)
    {
        switch (message)
        {
            case Resolved resolved:
                _status.Update(s => s with { Phase = s.Decision is null ? "probing" : s.Phase, LastLookup = (DateTimeOffset.UtcNow, resolved.Addresses.Count), LastLookupError = null });
                break;
            case Status.Failure failure:
                _status.Update(s => s with { LastLookupError = failure.Cause.Message });
                break;
            case JoinSelf:
                Record("formed", [], "no contact point reported an existing cluster, every contact point answered within the stable margin, and this node has the lowest address among them, so it formed the cluster");
                break;
            case JoinOtherSeedNodes join when !join.SeedNodes.IsEmpty:
                Record("joined", [.. join.SeedNodes.Select(a => a.ToString()).Order(StringComparer.Ordinal)], "a contact point reported an existing cluster, so this node joined its members");
                break;
        }
    }

    private void Record(string outcome, ImmutableArray<string> seeds, string reason)
    {
        var self = Cluster.Get(Context.System).SelfAddress.ToString();
        var contacts = _status.Current.ContactPoints.Values;
        var via = outcome == "formed"
            ? contacts.Where(c => c.Error is null && c.SelfNode is not null)
            : contacts.Where(c => c.SeedNodes.Intersect(seeds).Any());
        var decision = new JoinDecisionRecord(outcome, DateTimeOffset.UtcNow, self, outcome == "formed" ? [self] : seeds, [.. via.OrderBy(c => c.Endpoint, StringComparer.Ordinal)], reason);
        _status.Decided(decision);
        _decided(decision);
    }
}
