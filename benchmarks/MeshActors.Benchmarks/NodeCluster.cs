using System.Diagnostics;
using System.Globalization;
using System.Net;
using MeshActors.Security;

namespace MeshActors.Benchmarks;

/// <summary>
/// N node processes on loopback over mutual TLS (one cluster CA, one certificate per node id), all
/// seeded with node 0, and the polls of their control endpoints that time what they see. Node i
/// listens on mesh port <c>meshPortBase + i</c> and control port <c>controlPortBase + i</c>.
/// </summary>
internal sealed class NodeCluster : IDisposable
{
    public const string ClusterId = "bench";

    /// <summary>When watching, checks read memory only; this is how often.</summary>
    private static readonly TimeSpan WatchCheckInterval = TimeSpan.FromMilliseconds(5);
    private readonly ClusterSpec _spec;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private readonly List<NodeProcess> _nodes = [];
    private long _rounds;
    private TimeSpan _roundTime;

    public NodeCluster(ClusterSpec spec)
    {
        _spec = spec;
        Views = spec.Watch ? new WatchedMemberViews(Clock) : new PolledMemberViews(Clock);
    }

    /// <summary>What each node lists, as the benchmark sees it.</summary>
    public IMemberViews Views { get; }

    /// <summary>The run's clock: zero is just before the first process starts.</summary>
    public Stopwatch Clock { get; } = new();

    /// <summary>The local time of day when <see cref="Clock"/> read zero, to place log lines on it.</summary>
    public TimeSpan WallAtZero { get; private set; }

    public IReadOnlyList<NodeProcess> Nodes => _nodes;

    /// <summary>The mean time one round of checks (every node still waited on, at once) took.</summary>
    public TimeSpan MeanPollRound => _rounds == 0 ? TimeSpan.Zero : _roundTime / _rounds;

    public static string NodeId(int i) => string.Create(CultureInfo.InvariantCulture, $"node-{i:000}");

    /// <summary>Writes a cluster CA and one node certificate per node id under <paramref name="dir"/>.</summary>
    public static void IssueCertificates(string dir, int nodes)
    {
        using var ca = CertificateAuthority.Create(ClusterId, TimeProvider.System, TimeSpan.FromDays(2));
        ca.Save(Path.Combine(dir, "ca"));
        for (var i = 0; i < nodes; i++)
        {
            using var cert = NodeCertificateIssuer.Issue(ca, ClusterId, NodeId(i), TimeProvider.System, TimeSpan.FromDays(1), ipAddresses: [IPAddress.Loopback]);
            NodeCertificateIssuer.SaveNode(cert, Path.Combine(dir, NodeId(i)));
        }
    }

    /// <summary>Starts node 0 (the seed) and waits until it is ready, then starts all the others at once.</summary>
    public async Task StartAsync()
    {
        Clock.Restart();
        WallAtZero = DateTime.Now.TimeOfDay;
        _nodes.Add(StartNode(0));
        await PollAsync("become ready (seed)", _nodes, async node => await IsReadyAsync(node) ? node.ReadyAt : null, _spec.Deadline);
        for (var i = 1; i < _spec.Nodes; i++)
        {
            _nodes.Add(StartNode(i));
        }
    }

    /// <summary>GET /health/ready answers 200; the first time, the moment is kept as the node's <see cref="NodeProcess.ReadyAt"/>.</summary>
    public async Task<bool> IsReadyAsync(NodeProcess node)
    {
        if (node.ReadyAt is not null)
        {
            return true;
        }

        try
        {
            using var response = await _http.GetAsync(Url(node, "/health/ready"));
            if (response.StatusCode == HttpStatusCode.OK)
            {
                node.ReadyAt = Clock.Elapsed;
                Views.Attach(node);
                return true;
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            // not listening yet
        }

        return false;
    }

    /// <summary>
    /// Checks every observer in rounds, one round per poll interval (or back to back when a round
    /// takes longer), until each has passed once; <paramref name="check"/> gives the time a node
    /// passed, or null. Returns the latest of those times. Fails at the deadline or when an
    /// observer exits.
    /// </summary>
    public async Task<TimeSpan> PollAsync(string what, IEnumerable<NodeProcess> observers, Func<NodeProcess, Task<TimeSpan?>> check, TimeSpan deadline)
    {
        var pending = observers.ToList();
        var started = Clock.Elapsed;
        var passedAt = started;
        while (true)
        {
            var round = Clock.Elapsed;
            var results = await Task.WhenAll(pending.Select(async n => (Node: n, At: await check(n))));
            _rounds++;
            _roundTime += Clock.Elapsed - round;
            foreach (var (node, at) in results)
            {
                if (at is { } passed)
                {
                    pending.Remove(node);
                    passedAt = passed > passedAt ? passed : passedAt;
                }
            }

            if (pending.Count == 0)
            {
                return passedAt;
            }

            if (pending.FirstOrDefault(n => n.HasExited) is { } gone)
            {
                throw new InvalidOperationException($"{gone.NodeId} exited ({gone.ExitCode}) while waiting for every node to {what}; see {gone.LogPath}");
            }

            if (Clock.Elapsed - started > deadline)
            {
                throw new TimeoutException($"{pending.Count} node(s) did not {what} within {deadline.TotalSeconds} s: {string.Join(", ", pending.Select(n => n.NodeId))}; logs in {Path.GetDirectoryName(pending[0].LogPath)}");
            }

            var wait = (_spec.Watch ? WatchCheckInterval : _spec.PollInterval) - (Clock.Elapsed - round);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }
        }
    }

    public void Dispose()
    {
        foreach (var node in _nodes)
        {
            node.Dispose();
        }

        _http.Dispose();
        Views.Dispose();
    }

    private static Uri Url(NodeProcess node, string path) => new(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{node.ControlPort}{path}"));

    /// <summary>Starts node <paramref name="i"/> with the cluster's settings and <paramref name="extra"/> ones (not tracked: the caller disposes it).</summary>
    public NodeProcess StartNode(int i, params string[] extra)
    {
        var dir = _spec.Directory;
        string[] settings =
        [
            $"meshactors.node.id={NodeId(i)}",
            $"meshactors.cluster.id={ClusterId}",
            $"meshactors.transport.port={_spec.MeshPortBase + i}",
            $"meshactors.control.port={_spec.ControlPortBase + i}",
            $"meshactors.discovery.static.seeds=[\"127.0.0.1:{_spec.MeshPortBase}\"]",
            $"meshactors.membership.profile={_spec.Profile}",
            $"meshactors.logging.level={_spec.LogLevel}",
            $"meshactors.node.data-dir=\"{Path.Combine(dir, "data", NodeId(i))}\"",
            $"meshactors.transport.tls.ca=\"{Path.Combine(dir, "ca", CertificateAuthority.CertificateFileName)}\"",
            $"meshactors.transport.tls.cert=\"{Path.Combine(dir, NodeId(i), NodeCertificateIssuer.CertificateFileName)}\"",
            $"meshactors.transport.tls.key=\"{Path.Combine(dir, NodeId(i), NodeCertificateIssuer.KeyFileName)}\"",
            .. extra,
        ];
        return NodeProcess.Start(_spec.NodeDll, i, NodeId(i), _spec.ControlPortBase + i, settings, Path.Combine(_spec.LogDirectory, NodeId(i) + ".log"), Clock);
    }
}
