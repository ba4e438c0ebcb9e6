using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace MeshActors.Benchmarks;

/// <summary>
/// One <c>GET /control/members/watch</c> stream per node, opened when the node is ready: the node
/// sends its whole list at once and again after every change, so each view is timed when it
/// arrives and nothing is asked in between. Every view is kept, so a check reads memory only.
/// </summary>
internal sealed class WatchedMemberViews(Stopwatch clock) : IMemberViews
{
    private readonly HttpClient _http = new() { Timeout = Timeout.InfiniteTimeSpan };
    private readonly CancellationTokenSource _stop = new();
    private readonly Dictionary<NodeProcess, List<(TimeSpan At, IReadOnlyDictionary<string, string> View)>> _views = [];
    private readonly Dictionary<NodeProcess, (Task Reading, CancellationTokenSource Stop)> _streams = [];
    private readonly Lock _gate = new();

    public void Attach(NodeProcess node)
    {
        lock (_gate)
        {
            if (!_views.TryAdd(node, []))
            {
                return;
            }
        }

        var stop = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
        var reading = ReadAsync(node, stop.Token);
        lock (_gate)
        {
            _streams[node] = (reading, stop);
        }
    }

    /// <summary>
    /// Closes the node's stream. A node stopping with SIGTERM needs this first: while a watch
    /// stream is open, its control server waits for it, the whole shutdown timeout, and the
    /// graceful leave then runs with a cancelled token.
    /// </summary>
    public async Task DetachAsync(NodeProcess node)
    {
        (Task Reading, CancellationTokenSource Stop) stream;
        lock (_gate)
        {
            if (!_streams.Remove(node, out stream))
            {
                return;
            }
        }

        await stream.Stop.CancelAsync();
        await stream.Reading;
        stream.Stop.Dispose();
    }

    public Task<IReadOnlyList<(TimeSpan At, IReadOnlyDictionary<string, string> View)>> SinceAsync(NodeProcess node, string statuses, TimeSpan since)
    {
        var result = new List<(TimeSpan, IReadOnlyDictionary<string, string>)>();
        lock (_gate)
        {
            if (_views.TryGetValue(node, out var views))
            {
                for (var i = 0; i < views.Count; i++)
                {
                    // A view replaced before `since` is history; the one current at `since` counts from then.
                    if (i + 1 < views.Count && views[i + 1].At <= since)
                    {
                        continue;
                    }

                    result.Add((views[i].At > since ? views[i].At : since, views[i].View));
                }
            }
        }

        return Task.FromResult<IReadOnlyList<(TimeSpan, IReadOnlyDictionary<string, string>)>>(result);
    }

    public void Dispose()
    {
        _stop.Cancel();
        _http.Dispose();
    }

    private async Task ReadAsync(NodeProcess node, CancellationToken cancellationToken)
    {
        await Task.Yield();
        try
        {
            var url = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{node.ControlPort}/control/members/watch"));
            using var response = await _http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken));
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                if (line.StartsWith("data: ", StringComparison.Ordinal))
                {
                    var at = clock.Elapsed;
                    using var json = JsonDocument.Parse(line.AsMemory(6));
                    var view = PolledMemberViews.Parse(json.RootElement);
                    lock (_gate)
                    {
                        _views[node].Add((at, view));
                    }
                }
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or OperationCanceledException)
        {
            // the node stopped, or the benchmark did
        }
    }
}
