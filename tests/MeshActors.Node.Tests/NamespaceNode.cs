using System.Net.Sockets;
using System.Text.Json;
using MeshActors.Tests.Discovery.Mdns;

namespace MeshActors.Node.Tests;

/// <summary>
/// A node process inside one of <see cref="BridgedHosts"/>' hosts: Akka.Remote on the host's bridge
/// address (<see cref="RemotingPort"/>), the control plane on that namespace's own 127.0.0.1, which the
/// test reaches through sockets opened inside the namespace, so a partitioned node stays observable.
/// A node started again is the same node (id, address, certificate, data folder); every run's output
/// is kept for a failure's account. Processes still running are killed on dispose.
/// </summary>
internal sealed class NamespaceNode : IDisposable
{
    /// <summary>Akka.Remote's port; every node has a namespace of its own, so all use the same one.</summary>
    public const int RemotingPort = 2552;

    private const int ControlPort = 7070;
    private readonly HttpClient _http;
    private readonly List<ChildProcess> _runs = [];

    public NamespaceNode(string id, BridgedHosts.Host host, TlsTestPki.NodeFiles certificate, string dataDir)
    {
        (Id, Host, Certificate, DataDir) = (id, host, certificate, dataDir);
        _http = new HttpClient(new SocketsHttpHandler { ConnectCallback = ConnectInsideAsync }) { Timeout = TimeSpan.FromSeconds(5) };
    }

    public string Id { get; }

    public BridgedHosts.Host Host { get; }

    public TlsTestPki.NodeFiles Certificate { get; }

    public string DataDir { get; }

    /// <summary><c>ADDRESS:PORT</c> of its Akka.Remote listener, as a seed for the others.</summary>
    public string RemotingEndpoint => $"{Host.Address}:{RemotingPort}";

    /// <summary>The current (or last) run.</summary>
    public ChildProcess Process => _runs.Count > 0 ? _runs[^1] : throw new InvalidOperationException($"{Id} was never started");

    /// <summary>Every run's output, each headed with the node, its namespace and address.</summary>
    public string Output => string.Join('\n', _runs.Select((run, i) => $"===== {Id} run {i + 1} ({Host.Namespace}, {Host.Address}, {(run.HasExited ? "exited" : "running")})\n{run.Output}"));

    /// <summary>Starts the node in its namespace with <paramref name="cluster"/>'s id, its address, certificate
    /// and data folder, followed by <paramref name="settings"/>.</summary>
    public void Start(string cluster, IEnumerable<string> settings)
    {
        if (_runs.Count > 0 && !Process.HasExited)
        {
            throw new InvalidOperationException($"{Id} is running already");
        }

        string[] own =
        [
            $"meshactors.node.id={Id}", $"meshactors.cluster.id={cluster}", $"meshactors.node.data-dir=\"{DataDir}\"",
            $"meshactors.transport.host={Host.Address}", $"meshactors.transport.port={RemotingPort}",
            $"meshactors.transport.tls.ca=\"{Certificate.CaPath}\"", $"meshactors.transport.tls.cert=\"{Certificate.CertPath}\"", $"meshactors.transport.tls.key=\"{Certificate.KeyPath}\"",
            "meshactors.control.host=127.0.0.1", $"meshactors.control.port={ControlPort}",
            "meshactors.bootstrap.port=0",
        ];
        _runs.Add(ChildProcess.StartDotnet(RepoPaths.NodeDll, own.Concat(settings).SelectMany(s => new[] { "--set", s }), networkNamespace: Host.Namespace));
    }

    /// <summary>The JSON at <paramref name="path"/> of its control plane; null when it does not answer.</summary>
    public async Task<JsonElement?> GetAsync(string path) =>
        await GetTextAsync(path) is { } text ? JsonSerializer.Deserialize<JsonElement>(text) : null;

    /// <summary>The text at <paramref name="path"/> of its control plane; null when it does not answer.</summary>
    public async Task<string?> GetTextAsync(string path)
    {
        try
        {
            using var response = await _http.GetAsync(new Uri($"http://127.0.0.1:{ControlPort}{path}"));
            return response.IsSuccessStatusCode ? await response.Content.ReadAsStringAsync() : null;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }

    /// <summary>"nodeId=status" for each member it lists, "nodeId=status,unreachable" for those its failure
    /// detector does not hear; null when it does not answer.</summary>
    public async Task<IReadOnlyList<string>?> MembersAsync() =>
        await GetAsync("/control/members") is { } body
            ? [.. body.GetProperty("members").EnumerateArray().Select(m =>
                $"{m.GetProperty("nodeId").GetString()}={m.GetProperty("status").GetString()}{(m.GetProperty("reachable").GetBoolean() ? "" : ",unreachable")}")]
            : null;

    /// <summary>How many Akka.Remote associations (inbound and outbound) it has counted in
    /// <c>meshactors_remoting_events_total</c>; 0 when it does not answer.</summary>
    public async Task<int> AssociationsAsync() =>
        (await GetTextAsync("/metrics"))?.Split('\n')
            .Where(l => l.StartsWith("meshactors_remoting_events_total{event=\"associated_", StringComparison.Ordinal))
            .Sum(l => (int)double.Parse(l[(l.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture)) ?? 0;

    public void Dispose()
    {
        foreach (var run in _runs)
        {
            run.Dispose();
        }
        _http.Dispose();
    }

    /// <summary>A socket belongs to the namespace it was created in: create it on a thread inside the
    /// node's namespace, then connect from anywhere.</summary>
    private async ValueTask<Stream> ConnectInsideAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var socket = NetnsSockets.RunInside(Host.Namespace, () => new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp));
        try
        {
            await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
