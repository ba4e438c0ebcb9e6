using System.Text.Json;
using MeshActors.Tests.Discovery.Dns;

namespace MeshActors.Node.Tests;

/// <summary>
/// Node processes of one cluster that join through Cluster Bootstrap, started and stopped one at a
/// time by the test, each told its contact points (or other sources) by the test. All have
/// certificates from one CA; the split check and the peer cache's refresh run every second, so
/// what they find shows within a few seconds rather than 5 and 30.
/// </summary>
internal sealed class ContactPointNodes : IDisposable
{
    private readonly TlsTestPki _pki;
    private readonly string _dir = Directory.CreateTempSubdirectory("meshactors-contact-points-").FullName;
    private readonly HashSet<int> _ports = [];
    private readonly List<ContactPointNode> _nodes = [];

    public ContactPointNodes(string cluster)
    {
        Cluster = cluster;
        _pki = new TlsTestPki(cluster);
    }

    public string Cluster { get; }

    /// <summary><c>required-contact-point-nr = 1</c>: the node may form a cluster on its own answer alone.</summary>
    public static string MayFormAlone => "akka.management.cluster.bootstrap.contact-point-discovery.required-contact-point-nr=1";

    /// <summary>The setting <c>meshactors.discovery.static.contact-points</c> with <paramref name="endpoints"/>.</summary>
    public static string ContactPoints(params string[] endpoints) =>
        $"meshactors.discovery.static.contact-points=[{string.Join(", ", endpoints.Select(e => $"\"{e}\""))}]";

    /// <summary>Defines a node: free ports, a certificate, a data folder. Not started.</summary>
    public ContactPointNode Add(string id)
    {
        var node = new ContactPointNode(id, Cluster, Port(), Port(), Port(), Path.Combine(_dir, id), _pki.Issue(id, Cluster, _pki.CaA));
        _nodes.Add(node);
        return node;
    }

    /// <summary>Starts <paramref name="node"/> with the common settings and <paramref name="settings"/>.</summary>
    public void Start(ContactPointNode node, params string[] settings) => node.Start(Common(node), settings);

    /// <summary>A loopback port picked free and never bound by anyone here: an address where nothing answers.</summary>
    public int UnusedPort() => Port();

    /// <summary>
    /// Waits until each of <paramref name="observers"/> lists exactly the ids of <paramref name="members"/>, all up.
    /// A node that exits fails the wait at once.
    /// </summary>
    public static async Task<TimeSpan> UntilMembersAsync(NodeControl control, IReadOnlyList<ContactPointNode> observers, IReadOnlyList<ContactPointNode> members, TimeSpan deadline)
    {
        var expected = members.Select(m => $"{m.Id}=up").Order(StringComparer.Ordinal).ToList();
        var last = new Dictionary<string, string>();
        return await NodeControl.EventuallyAsync($"{string.Join(", ", observers.Select(o => o.Id))} list exactly {string.Join(", ", expected)}", deadline, async () =>
        {
            if (observers.FirstOrDefault(o => o.Process.HasExited) is { } exited)
            {
                throw new InvalidOperationException($"{exited.Id} exited while waiting for its members");
            }

            var all = true;
            foreach (var observer in observers)
            {
                var view = await observer.MembersAsync(control);
                last[observer.Id] = view is null ? "no answer" : string.Join(' ', view);
                all &= view is not null && view.Order(StringComparer.Ordinal).SequenceEqual(expected);
            }

            return all;
        }, () => Task.FromResult(string.Join('\n', last.Select(l => $"{l.Key} lists: {l.Value}"))));
    }

    /// <summary>Waits until <paramref name="condition"/> holds for <paramref name="node"/>'s <c>/control/discovery</c>
    /// document; the timeout's message shows the last document.</summary>
    public static async Task<JsonElement> UntilDiscoveryAsync(NodeControl control, ContactPointNode node, string what, TimeSpan deadline, Func<JsonElement, bool> condition)
    {
        JsonElement? last = null;
        await NodeControl.EventuallyAsync($"{node.Id}: {what}", deadline, async () =>
        {
            last = await node.DiscoveryAsync(control);
            return last is { } d && condition(d);
        }, () => Task.FromResult($"{node.Id}'s last /control/discovery: {last?.GetRawText() ?? "no answer"}"));
        return last!.Value;
    }

    /// <summary>Every node's whole output, every run, for a failure's account.</summary>
    public async Task<string> OutputsAsync()
    {
        var parts = new List<string>();
        foreach (var node in _nodes)
        {
            parts.Add(await node.OutputAsync());
        }

        return string.Join('\n', parts);
    }

    public void Dispose()
    {
        foreach (var node in _nodes)
        {
            node.Dispose();
        }

        _pki.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    private string[] Common(ContactPointNode node) =>
    [
        $"meshactors.node.id={node.Id}", $"meshactors.cluster.id={Cluster}",
        $"meshactors.node.data-dir=\"{node.DataDir}\"",
        $"meshactors.transport.port={node.RemotingPort}", $"meshactors.control.port={node.ControlPort}", $"meshactors.bootstrap.port={node.BootstrapPort}",
        "meshactors.membership.profile=lan",
        $"meshactors.transport.tls.ca=\"{node.Certificate.CaPath}\"", $"meshactors.transport.tls.cert=\"{node.Certificate.CertPath}\"", $"meshactors.transport.tls.key=\"{node.Certificate.KeyPath}\"",
        "meshactors.bootstrap.split-check-interval=1s",
        "meshactors.discovery.peer-cache.refresh-interval=1s",
    ];

    private int Port()
    {
        while (true)
        {
            var port = FreePort.UdpAndTcp();
            if (_ports.Add(port))
            {
                return port;
            }
        }
    }
}
