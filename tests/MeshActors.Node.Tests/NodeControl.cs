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
