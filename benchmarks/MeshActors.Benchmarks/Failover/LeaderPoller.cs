using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using MeshActors.Benchmarks.Harness;

namespace MeshActors.Benchmarks.Failover;

/// <summary>
/// Asks nodes' control endpoints (plain HTTP on 127.0.0.1) who leads, whether they lead themselves
/// (<c>/metrics</c>) and how many members they list up, and waits on those answers with a deadline.
/// Every answer is timed when it arrived, on the trial's clock.
/// </summary>
internal sealed class LeaderPoller(Stopwatch clock, TimeSpan interval) : IDisposable
{
    /// <summary>Most requests one node may have outstanding while <see cref="UntilEachAsync"/> polls it.</summary>
    private const int MaxInFlightPerNode = 8;

    private readonly HttpClient _http = new(new SocketsHttpHandler { MaxConnectionsPerServer = MaxInFlightPerNode + 4 })
    {
        Timeout = TimeSpan.FromSeconds(3),
    };

    /// <summary>The node's view of the global leader and when it arrived; null when it did not answer.</summary>
    public async Task<(TimeSpan At, LeaderView View)?> GetLeaderAsync(NodeProcess node)
    {
        using var json = await GetJsonAsync(node, "/control/leaders?scope=global");
        return json is null ? null : (clock.Elapsed, LeaderView.Parse(json.RootElement));
    }

    /// <summary>
    /// <c>meshactors_leadership_is_leader{scope="global"}</c> from the node's <c>/metrics</c>: true when 1,
    /// false when 0 or absent (the gauge appears once the node first led), null when the node did not answer.
    /// </summary>
    public async Task<bool?> IsLeaderAsync(NodeProcess node)
    {
        var text = await GetTextAsync(node, "/metrics");
        if (text is null)
        {
            return null;
        }

        const string Gauge = "meshactors_leadership_is_leader{scope=\"global\"}";
        var line = text.Split('\n').FirstOrDefault(l => l.StartsWith(Gauge, StringComparison.Ordinal));
        return line is not null && double.TryParse(line[Gauge.Length..].Trim().Split(' ')[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value == 1;
    }

    /// <summary>How many distinct members the node lists <c>up</c> and reachable; null when it did not answer.</summary>
    public async Task<int?> UpCountAsync(NodeProcess node)
    {
        using var json = await GetJsonAsync(node, "/control/members");
        if (json is null || !json.RootElement.TryGetProperty("members", out var members))
        {
            return null;
        }

        node.Self ??= json.RootElement.TryGetProperty("self", out var self) ? self.GetString() : null;
        return members.EnumerateArray()
            .Where(m => m.GetProperty("status").GetString()?.ToLowerInvariant() == "up" && (!m.TryGetProperty("reachable", out var r) || r.GetBoolean()))
            .Select(m => m.GetProperty("address").GetString())
            .Distinct(StringComparer.Ordinal)
            .Count();
    }

    /// <summary>
    /// Polls each node on its own every interval, without waiting for its previous request (so a
    /// request the node holds, such as an Akka proxy buffering while the singleton moves, does not
    /// delay the next one), until each has once answered a view that <paramref name="passed"/>;
    /// returns the latest of those arrival times. Fails at the deadline.
    /// </summary>
    public async Task<TimeSpan> UntilEachAsync(string what, IReadOnlyList<NodeProcess> nodes, Func<LeaderView, bool> passed, TimeSpan deadline)
    {
        using var cts = new CancellationTokenSource(deadline);
        var last = new LeaderView?[nodes.Count];
        try
        {
            var times = await Task.WhenAll(nodes.Select((node, i) => UntilOneAsync(node, v =>
            {
                last[i] = v;
                return passed(v);
            }, cts.Token)));
            return times.Max();
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"not every node saw that {what} within {deadline.TotalSeconds} s; last views: " +
                string.Join(", ", nodes.Select((n, i) => $"{n.Name}: {last[i]?.ToString() ?? "no answer"}")));
        }
    }

    /// <summary>Waits until every node names the same leader with the same token; returns that view.</summary>
    public async Task<LeaderView> UntilAgreedAsync(IReadOnlyList<NodeProcess> nodes, TimeSpan deadline)
    {
        var started = clock.Elapsed;
        while (true)
        {
            var views = await Task.WhenAll(nodes.Select(GetLeaderAsync));
            if (views.All(v => v is { View.LeaderId: not null }) && views.Select(v => v!.Value.View).Distinct().Count() == 1)
            {
                return views[0]!.Value.View;
            }

            if (clock.Elapsed - started > deadline)
            {
                throw new TimeoutException($"the nodes did not agree on a leader within {deadline.TotalSeconds} s: " +
                    string.Join(", ", nodes.Select((n, i) => $"{n.Name}: {views[i]?.View.ToString() ?? "no answer"}")));
            }

            ThrowIfExited(nodes);
            await Task.Delay(interval);
        }
    }

    /// <summary>Waits until every node lists <paramref name="count"/> members up and reachable.</summary>
    public async Task UntilUpAsync(IReadOnlyList<NodeProcess> nodes, int count, TimeSpan deadline)
    {
        var started = clock.Elapsed;
        while (true)
        {
            var counts = await Task.WhenAll(nodes.Select(UpCountAsync));
            if (counts.All(c => c >= count))
            {
                return;
            }

            if (clock.Elapsed - started > deadline)
            {
                throw new TimeoutException($"not every node listed {count} members up within {deadline.TotalSeconds} s: " +
                    string.Join(", ", nodes.Select((n, i) => $"{n.Name}: {counts[i]?.ToString(CultureInfo.InvariantCulture) ?? "no answer"}")) + $"; logs in {Path.GetDirectoryName(nodes[0].LogPath)}");
            }

            ThrowIfExited(nodes);
            await Task.Delay(interval);
        }
    }

    /// <summary>Waits until no node lists a member at <paramref name="address"/> any more; returns when the last answer arrived.</summary>
    public async Task<TimeSpan> UntilRemovedAsync(IReadOnlyList<NodeProcess> nodes, string address, TimeSpan deadline)
    {
        var started = clock.Elapsed;
        while (true)
        {
            var lists = await Task.WhenAll(nodes.Select(async n =>
            {
                using var json = await GetJsonAsync(n, "/control/members");
                return json is null || !json.RootElement.TryGetProperty("members", out var members)
                    ? (bool?)null
                    : members.EnumerateArray().Any(m => m.GetProperty("address").GetString() == address);
            }));
            if (lists.All(l => l == false))
            {
                return clock.Elapsed;
            }

            if (clock.Elapsed - started > deadline)
            {
                throw new TimeoutException($"not every node removed {address} within {deadline.TotalSeconds} s");
            }

            ThrowIfExited(nodes);
            await Task.Delay(interval);
        }
    }

    public void Dispose() => _http.Dispose();

    private static void ThrowIfExited(IEnumerable<NodeProcess> nodes)
    {
        if (nodes.FirstOrDefault(n => n.HasExited) is { } gone)
        {
            throw new InvalidOperationException($"{gone.Name} exited ({gone.ExitCode}); see {gone.LogPath}");
        }
    }

    private async Task<TimeSpan> UntilOneAsync(NodeProcess node, Func<LeaderView, bool> passed, CancellationToken cancel)
    {
        var done = new TaskCompletionSource<TimeSpan>(TaskCreationOptions.RunContinuationsAsynchronously);
        var inFlight = 0;
        while (!done.Task.IsCompleted)
        {
            if (Volatile.Read(ref inFlight) < MaxInFlightPerNode)
            {
                Interlocked.Increment(ref inFlight);
                _ = Task.Run(async () =>
                {
                    try
                    {
                        if (await GetLeaderAsync(node) is { } got && passed(got.View))
                        {
                            done.TrySetResult(got.At);
                        }
                    }
                    finally
                    {
                        Interlocked.Decrement(ref inFlight);
                    }
                }, CancellationToken.None);
            }

            await Task.WhenAny(done.Task, Task.Delay(interval, cancel));
            cancel.ThrowIfCancellationRequested();
        }

        return await done.Task;
    }

    private async Task<JsonDocument?> GetJsonAsync(NodeProcess node, string path)
    {
        var text = await GetTextAsync(node, path);
        try
        {
            return text is null ? null : JsonDocument.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private async Task<string?> GetTextAsync(NodeProcess node, string path)
    {
        var url = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{node.ControlPort}{path}"));
        try
        {
            using var response = await _http.GetAsync(url);
            return response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadAsStringAsync() : null;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or ObjectDisposedException or InvalidOperationException)
        {
            return null;
        }
    }
}
