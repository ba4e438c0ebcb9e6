using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;

namespace MeshActors.Benchmarks.Harness;

/// <summary>
/// Polls <c>GET /control/members</c> of the nodes still waited on, all at once, once per interval
/// (back to back when a round takes longer), and times each view at the moment its answer arrived.
/// </summary>
internal sealed class MemberPoller(Stopwatch clock, TimeSpan interval, string scheme) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = 2,
        // https only on loopback, to a node's self-signed control endpoint: its certificate is not what is measured.
        SslOptions = { RemoteCertificateValidationCallback = (_, _, _, _) => true },
    })
    { Timeout = TimeSpan.FromSeconds(2) };

    /// <summary>One view of <paramref name="node"/> and when it arrived, or null when the node did not answer.</summary>
    public async Task<(TimeSpan At, MemberView View)?> GetAsync(NodeProcess node)
    {
        var url = new Uri(string.Create(CultureInfo.InvariantCulture, $"{scheme}://127.0.0.1:{node.ControlPort}/control/members"));
        try
        {
            using var response = await _http.GetAsync(url);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                node.LastProblem = $"GET {url} answered {(int)response.StatusCode}";
                return null;
            }

            using var json = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync());
            var view = MemberView.Parse(json.RootElement);
            node.Self ??= view.Self;
            node.LastView = view;
            node.LastProblem = null;
            return (clock.Elapsed, view);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            node.LastProblem = "the answer is not a members document with self, members[].address, .status, .reachable: " + ex.Message;
            return null;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            node.LastProblem = "no answer: " + ex.Message;
            return null;
        }
    }

    /// <summary>
    /// Waits until every observer's view has passed <paramref name="passed"/> once and returns the
    /// latest of those arrival times. Fails at the deadline or when an observer exits.
    /// </summary>
    public async Task<TimeSpan> WaitAllAsync(string what, IEnumerable<NodeProcess> observers, Func<MemberView, bool> passed, TimeSpan deadline)
    {
        var pending = observers.ToList();
        var started = clock.Elapsed;
        var latest = started;
        while (true)
        {
            var round = clock.Elapsed;
            var results = await Task.WhenAll(pending.Select(async n => (Node: n, Got: await GetAsync(n))));
            foreach (var (node, got) in results)
            {
                if (got is { } g && passed(g.View))
                {
                    pending.Remove(node);
                    latest = g.At > latest ? g.At : latest;
                }
            }

            if (pending.Count == 0)
            {
                return latest;
            }

            if (pending.FirstOrDefault(n => n.HasExited) is { } gone)
            {
                throw new InvalidOperationException($"{gone.Name} exited ({gone.ExitCode}) while waiting until every node {what}; see {gone.LogPath}");
            }

            if (clock.Elapsed - started > deadline)
            {
                throw new TimeoutException($"{pending.Count} node(s) did not see that {what} within {deadline.TotalSeconds} s: {string.Join(", ", pending.Select(n => $"{n.Name} ({n.LastProblem ?? n.LastView?.Describe() ?? "no view"})"))}; logs in {Path.GetDirectoryName(pending[0].LogPath)}");
            }

            var wait = interval - (clock.Elapsed - round);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }
        }
    }

    public void Dispose() => _http.Dispose();
}
