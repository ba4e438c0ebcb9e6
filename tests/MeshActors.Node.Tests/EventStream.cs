using System.Text.Json;

namespace MeshActors.Node.Tests;

/// <summary>One SSE subscription to <c>GET /control/events/stream?pattern=</c>, read in the background:
/// <see cref="Subscribed"/> completes at the node's <c>subscribed</c> message, and every <c>event</c> is
/// collected into <see cref="Received"/>.</summary>
internal sealed class EventStream : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop;
    private readonly TaskCompletionSource _subscribed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<Entry> _received = [];
    private readonly Task _reading;

    public EventStream(HttpClient http, int controlPort, string pattern, CancellationToken cancellationToken)
    {
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _reading = ReadAsync(http, new Uri($"http://127.0.0.1:{controlPort}/control/events/stream?pattern={Uri.EscapeDataString(pattern)}"));
    }

    public Task Subscribed => _subscribed.Task;

    public IReadOnlyList<Entry> Received
    {
        get
        {
            lock (_received)
            {
                return [.. _received];
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _reading;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private async Task ReadAsync(HttpClient http, Uri uri)
    {
        try
        {
            using var response = await http.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, _stop.Token);
            response.EnsureSuccessStatusCode();
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(_stop.Token));
            var kind = "";
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                if (line.StartsWith("event: ", StringComparison.Ordinal))
                {
                    kind = line["event: ".Length..];
                }
                else if (line.StartsWith("data: ", StringComparison.Ordinal) && kind == "subscribed")
                {
                    _subscribed.TrySetResult();
                }
                else if (line.StartsWith("data: ", StringComparison.Ordinal) && kind == "event")
                {
                    using var json = JsonDocument.Parse(line["data: ".Length..]);
                    var e = json.RootElement;
                    lock (_received)
                    {
                        _received.Add(new(e.GetProperty("id").GetString()!, e.GetProperty("topic").GetString()!, e.GetProperty("publishedAt").GetDateTimeOffset(), e.GetProperty("receivedAt").GetDateTimeOffset()));
                    }
                }
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _subscribed.TrySetException(e);
            throw;
        }
    }

    /// <summary>One received event.</summary>
    public sealed record Entry(string Id, string Topic, DateTimeOffset PublishedAt, DateTimeOffset ReceivedAt);
}
