using System.Globalization;
using System.Text.Json;

namespace MeshActors.Node.Tests;

/// <summary>
/// One node of a <see cref="ContactPointNodes"/> set: its ports, certificate and data folder are
/// fixed for the life of the set, so a node started again after a stop is the same node (same id,
/// same peer cache, same manual introductions). Every run's output is kept for a failure's account.
/// </summary>
internal sealed class ContactPointNode : IDisposable
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private readonly List<ChildProcess> _runs = [];
    private readonly string _cluster;

    public ContactPointNode(string id, string cluster, int remotingPort, int controlPort, int bootstrapPort, string dataDir, TlsTestPki.NodeFiles certificate)
    {
        (Id, _cluster, RemotingPort, ControlPort, BootstrapPort, DataDir, Certificate) = (id, cluster, remotingPort, controlPort, bootstrapPort, dataDir, certificate);
    }

    public string Id { get; }

    public int RemotingPort { get; }

    public int ControlPort { get; }

    public int BootstrapPort { get; }

    public string DataDir { get; }

    /// <summary>Its certificate files and its key's fingerprint (<c>sha256:…</c>).</summary>
    public TlsTestPki.NodeFiles Certificate { get; }

    /// <summary><c>127.0.0.1:PORT</c> of its bootstrap endpoint: a contact point for the others.</summary>
    public string BootstrapEndpoint => $"127.0.0.1:{BootstrapPort}";

    /// <summary>Its control endpoint, for <c>meshctl --endpoint</c>.</summary>
    public string ControlEndpoint => $"http://127.0.0.1:{ControlPort}/";

    /// <summary>Its Akka address, as members and the bootstrap endpoint name it.</summary>
    public string Address => $"akka.ssl.tcp://{_cluster}@127.0.0.1:{RemotingPort}";

    /// <summary>The current (or last) run.</summary>
    public ChildProcess Process => _runs.Count > 0 ? _runs[^1] : throw new InvalidOperationException($"{Id} was never started");

    /// <summary>Starts the node with the set's common settings followed by <paramref name="settings"/>.</summary>
    public void Start(IEnumerable<string> common, IEnumerable<string> settings)
    {
        if (_runs.Count > 0 && !Process.HasExited)
        {
            throw new InvalidOperationException($"{Id} is running already");
        }

        _runs.Add(ChildProcess.StartDotnet(RepoPaths.NodeDll, common.Concat(settings).SelectMany(s => new[] { "--set", s })));
    }

    /// <summary>SIGTERM (Akka's coordinated shutdown: a graceful leave); returns the exit code.</summary>
    public async Task<int> StopAsync(TimeSpan deadline)
    {
        Process.Terminate();
        return await Process.WaitForExitAsync(deadline);
    }

    /// <summary>"nodeId=status" for each member this node lists; null when it does not answer.</summary>
    public async Task<IReadOnlyList<string>?> MembersAsync(NodeControl control) =>
        await control.GetAsync(ControlPort, "/control/members") is { } body
            ? [.. body.GetProperty("members").EnumerateArray().Select(m => $"{m.GetProperty("nodeId").GetString()}={m.GetProperty("status").GetString()}")]
            : null;

    /// <summary><c>GET /control/discovery</c>; null when it does not answer.</summary>
    public Task<JsonElement?> DiscoveryAsync(NodeControl control) => control.GetAsync(ControlPort, "/control/discovery");

    /// <summary><c>GET /control/discovery/explain</c>; null when it does not answer.</summary>
    public Task<JsonElement?> ExplainAsync(NodeControl control) => control.GetAsync(ControlPort, "/control/discovery/explain");

    /// <summary>The value of the unlabelled gauge <paramref name="name"/> at <c>/metrics</c>; null when absent or the node does not answer.</summary>
    public async Task<double?> GaugeAsync(string name)
    {
        try
        {
            var metrics = await Http.GetStringAsync(new Uri($"http://127.0.0.1:{ControlPort}/metrics"));
            var line = metrics.Split('\n').FirstOrDefault(l => l.StartsWith(name + " ", StringComparison.Ordinal));
            return line is null ? null : double.Parse(line[(name.Length + 1)..], CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }

    /// <summary>Every run's output, each headed with its state.</summary>
    public async Task<string> OutputAsync()
    {
        var parts = new List<string>();
        for (var i = 0; i < _runs.Count; i++)
        {
            var run = _runs[i];
            var state = run.HasExited ? $"exited {await run.WaitForExitAsync(TimeSpan.FromSeconds(5))}" : "running";
            parts.Add($"===== {Id} run {i + 1} (control {ControlPort}, bootstrap {BootstrapPort}, remoting {RemotingPort}, {state})\n{run.Output}");
        }

        return parts.Count == 0 ? $"===== {Id}: never started" : string.Join('\n', parts);
    }

    public void Dispose()
    {
        foreach (var run in _runs)
        {
            run.Dispose();
        }
    }
}
