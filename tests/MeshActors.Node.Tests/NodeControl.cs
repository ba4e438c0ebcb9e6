using System.Diagnostics;
using System.Text.Json;

namespace MeshActors.Node.Tests;

/// <summary>Reads a node's control endpoints and waits for conditions on them with a deadline.</summary>
internal sealed class NodeControl : IDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };

    public void Dispose() => _http.Dispose();

    /// <summary>The JSON at <paramref name="path"/> of the node whose control port is <paramref name="port"/>; null when it does not answer.</summary>
    public async Task<JsonElement?> GetAsync(int port, string path)
    {
        try
        {
            using var response = await _http.GetAsync(new Uri($"http://127.0.0.1:{port}{path}"));
            return response.IsSuccessStatusCode ? JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync()) : null;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }

    /// <summary>node id → status, as the node lists its members; empty when it does not answer.</summary>
    public async Task<Dictionary<string, string>> MembersAsync(int port) =>
        await GetAsync(port, "/control/members") is { } body
            ? body.GetProperty("members").EnumerateArray().ToDictionary(m => m.GetProperty("nodeId").GetString()!, m => m.GetProperty("status").GetString()!)
            : [];

    /// <summary>How many Akka.Remote associations (inbound and outbound) the node at control port
    /// <paramref name="port"/> has counted in <c>meshactors_remoting_events_total</c>; 0 when it does not answer.</summary>
    public async Task<int> AssociationsAsync(int port)
    {
        try
        {
            var metrics = await _http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/metrics"));
            return metrics.Split('\n').Where(l => l.StartsWith("meshactors_remoting_events_total{event=\"associated_", StringComparison.Ordinal))
                .Sum(l => (int)double.Parse(l[(l.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture));
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return 0;
        }
    }

    /// <summary>
    /// Waits until every node (by control port) has at least <paramref name="count"/> associations.
    /// Akka.Remote runs coordinated shutdown on a node whose outbound TLS handshake fails, a peer
    /// that dies mid-handshake included, so a test kills a node only once the associations are open.
    /// </summary>
    public async Task<TimeSpan> UntilAssociatedAsync(IReadOnlyList<int> controlPorts, int count, TimeSpan deadline)
    {
        var last = new Dictionary<int, int>();
        return await EventuallyAsync($"every node associated with {count} others", deadline, async () =>
        {
            foreach (var port in controlPorts)
            {
                last[port] = await AssociationsAsync(port);
            }

            return last.Values.All(n => n >= count);
        }, () => Task.FromResult(string.Join(", ", last.Select(l => $"control port {l.Key}: {l.Value}"))));
    }

    /// <summary>Polls <paramref name="condition"/> every 100 ms until it holds; fails at <paramref name="deadline"/> with <paramref name="describe"/>'s account of the state.</summary>
    public static async Task<TimeSpan> EventuallyAsync(string what, TimeSpan deadline, Func<Task<bool>> condition, Func<Task<string>> describe)
    {
        var clock = Stopwatch.StartNew();
        using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        while (!await condition())
        {
            if (clock.Elapsed > deadline)
            {
                throw new TimeoutException($"{what}: not within {deadline.TotalSeconds} s.\n{await describe()}");
            }

            await poll.WaitForNextTickAsync();
        }

        return clock.Elapsed;
    }
}
