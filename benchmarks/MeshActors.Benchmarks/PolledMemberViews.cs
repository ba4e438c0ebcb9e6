using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;

namespace MeshActors.Benchmarks;

/// <summary>Each check is one <c>GET /control/members[?status=...]</c>; its view is seen when the answer arrives.</summary>
internal sealed class PolledMemberViews(Stopwatch clock) : IMemberViews
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { MaxConnectionsPerServer = 4 }) { Timeout = TimeSpan.FromSeconds(5) };
    public void Attach(NodeProcess node)
    {
    }

    public Task DetachAsync(NodeProcess node) => Task.CompletedTask;

    public async Task<IReadOnlyList<(TimeSpan At, IReadOnlyDictionary<string, string> View)>> SinceAsync(NodeProcess node, string statuses, TimeSpan since)
    {
        var query = statuses.Length == 0 ? string.Empty : "?status=" + statuses;
        try
        {
            using var response = await _http.GetAsync(new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{node.ControlPort}/control/members{query}")));
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return [];
            }

            using var json = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync());
            return [(clock.Elapsed, Parse(json.RootElement))];
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return [];
        }
    }

    public void Dispose() => _http.Dispose();

    /// <summary>Node id to status, from the members document.</summary>
    internal static Dictionary<string, string> Parse(JsonElement document) =>
        document.GetProperty("members").EnumerateArray()
            .ToDictionary(m => m.GetProperty("nodeId").GetString()!, m => m.GetProperty("status").GetString()!, StringComparer.Ordinal);
}
