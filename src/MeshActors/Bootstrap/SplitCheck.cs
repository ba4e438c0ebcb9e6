using System.Collections.Immutable;
using Akka.Actor;
using Akka.Cluster;
using Akka.Discovery;
using Akka.Event;
using MeshActors.Diagnostics;
using MeshActors.Discovery;
using MeshActors.Discovery.PeerCache;

namespace MeshActors.Bootstrap;

/// <summary>
/// Runs while this node is a member: every <c>split-check-interval</c> it looks up the contact
/// points again and asks each for its seed nodes. A node that answers as a member of another
/// cluster (its members do not include this node, and this node's members do not include it) is
/// a second cluster with this id — two sides a partition or a misconfiguration formed, which Akka
/// never merges. Found, it is shown in <see cref="BootstrapStatus"/> and counted in
/// <c>meshactors_discovery_foreign_members</c>, and logged once per foreign node; an operator
/// restarts the smaller side (documented). Contact points that answer as members of this cluster
/// are remembered in the peer cache, so a restarted node can rejoin with every seed gone.
/// </summary>
internal sealed class SplitCheck : ReceiveActor, IWithTimers
{
    private readonly ServiceDiscovery _discovery;
    private readonly Lookup _lookup;
    private readonly TimeSpan _resolveTimeout;
    private readonly int _fallbackPort;
    private readonly BootstrapClient _client;
    private readonly BootstrapStatus _status;
    private readonly NodeMetrics _metrics;
    private readonly PeerCacheStore? _cache;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly HashSet<string> _reported = [];
    private string? _lastError;
    private bool _running;

    public SplitCheck(ServiceDiscovery discovery, Lookup lookup, TimeSpan resolveTimeout, int fallbackPort, TimeSpan interval, BootstrapClient client, BootstrapStatus status, NodeMetrics metrics, PeerCacheStore? cache)
    {
        (_discovery, _lookup, _resolveTimeout, _fallbackPort, _client, _status, _metrics, _cache) = (discovery, lookup, resolveTimeout, fallbackPort, client, status, metrics, cache);
        Receive<Check>(_ =>
        {
            // One check at a time; and the cluster is read here, on the actor's turn: RunAsync
            // continues on the thread pool, where Context is not available.
            if (!_running)
            {
                _running = true;
                RunAsync(Cluster.Get(Context.System)).PipeTo(Self, success: () => Checked.Instance, failure: ex => new Status.Failure(ex));
            }
        });
        Receive<Checked>(_ =>
        {
            _running = false;
            _lastError = null;
        });
        Receive<Status.Failure>(f =>
        {
            _running = false;

            // A check that keeps failing must be visible, but once per distinct cause, not every interval.
            var cause = f.Cause is AggregateException { InnerException: { } inner } ? inner.Message : f.Cause.Message;
            if (cause != _lastError)
            {
                _log.Warning("The split check failed ({0}); a second cluster with this id would go unnoticed until it succeeds. It runs again every {1}", cause, Interval);
                _lastError = cause;
            }

            _status.Update(s => s with { LastLookupError = "split check: " + cause });
        });
        Interval = interval;
    }

    public ITimerScheduler Timers { get; set; } = null!;

    private TimeSpan Interval { get; }

    protected override void PreStart() => Timers.StartPeriodicTimer("check", Check.Instance, TimeSpan.Zero, Interval);

    private async Task RunAsync(Cluster cluster)
    {
        var resolved = await _discovery.Lookup(_lookup, _resolveTimeout).ConfigureAwait(false);
        var self = cluster.SelfAddress.ToString();
        var foreign = ImmutableDictionary<string, ForeignCluster>.Empty;
        foreach (var target in resolved.Addresses)
        {
            var host = target.Address?.ToString() ?? target.Host;
            var port = target.Port ?? _fallbackPort;
            if (string.IsNullOrEmpty(host))
            {
                continue;
            }

            SeedNodesResponse answer;
            try
            {
                answer = await _client.SeedNodesAsync(_client.BaseUri(new NodeAddress(host, port)), CancellationToken.None).ConfigureAwait(false);
            }
            catch (BootstrapProbeException)
            {
                continue;
            }

            var members = cluster.State.Members.Select(m => m.Address.ToString()).ToHashSet(StringComparer.Ordinal);
            var theirs = answer.SeedNodes.Select(s => s.Node).ToImmutableArray();
            if (members.Contains(answer.SelfNode) || theirs.Contains(self))
            {
                if (answer.SelfNode != self && answer.NodeId is { Length: > 0 } id)
                {
                    _cache?.Accepted(id, new NodeAddress(host, port), DateTimeOffset.UtcNow);
                }
            }
            else if (theirs.Length > 0)
            {
                var endpoint = new NodeAddress(host, port).ToString();
                foreign = foreign.SetItem(endpoint, new ForeignCluster(endpoint, answer.SelfNode, theirs, DateTimeOffset.UtcNow));
                if (_reported.Add(answer.SelfNode))
                {
                    _log.Warning(
                        "Another cluster with this id ({0}) answers at {1}: its {2} member(s) [{3}] and this cluster's {4} never merge in Akka. Restart the nodes of the smaller side; they then bootstrap into the larger one",
                        cluster.System.Name, endpoint, theirs.Length, string.Join(", ", theirs), members.Count);
                }
            }
        }

        var count = foreign.Values.SelectMany(f => f.Members).Distinct().Count();
        _metrics.ForeignMembers.Set(count);
        _status.Update(s => s with { Foreign = foreign, LastSplitCheck = DateTimeOffset.UtcNow });
    }

    private sealed class Check
    {
        public static readonly Check Instance = new();
    }

    private sealed class Checked
    {
        public static readonly Checked Instance = new();
    }
}
