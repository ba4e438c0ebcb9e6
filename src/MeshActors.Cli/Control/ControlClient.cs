using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace MeshActors.Cli.Control;

/// <summary>Talks to a node's control endpoint; every failure becomes a sentence for the operator.</summary>
internal sealed class ControlClient(Uri endpoint) : IDisposable
{
    /// <summary>The local node's default control endpoint (meshactors.control defaults).</summary>
    public const string DefaultEndpoint = "http://127.0.0.1:7070";

    private static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(10);

    // No client-wide timeout: a watch stream stays open for as long as the operator looks at it.
    // Plain requests and the headers of a stream get AnswerTimeout each.
    private readonly HttpClient _http = new(new SocketsHttpHandler { ConnectTimeout = AnswerTimeout })
    {
        BaseAddress = endpoint,
        Timeout = Timeout.InfiniteTimeSpan,
    };

    public Uri Endpoint => endpoint;

    public async Task<JsonElement> GetAsync(string path, CancellationToken cancellationToken) =>
        Parse(await GetTextAsync(path, cancellationToken), path);

    /// <summary>Parses a document the node sent; anything but JSON means the endpoint is not a node's.</summary>
    public JsonElement Parse(string json, string path)
    {
        try
        {
            return JsonSerializer.Deserialize<JsonElement>(json);
        }
        catch (JsonException ex)
        {
            throw new ControlException($"{endpoint}{path.TrimStart('/')} did not answer JSON ({ex.Message}). Is --endpoint a MeshActors node's control endpoint?");
        }
    }

    /// <summary>The response body exactly as the node sent it.</summary>
    public async Task<string> GetTextAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(path, cancellationToken);
        return await response.Content.ReadAsStringAsync(cancellationToken);
    }

    /// <summary>
    /// The <c>data</c> of every server-sent event named <paramref name="eventType"/> on
    /// <paramref name="path"/>, until the caller cancels. A stream the node ends, or a connection
    /// that breaks, is a <see cref="ControlException"/>.
    /// </summary>
    public async IAsyncEnumerable<string> WatchAsync(string path, string eventType, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var (_, data) in WatchAnyAsync(path, [eventType], cancellationToken))
        {
            yield return data;
        }
    }

    /// <summary>The type and <c>data</c> of every server-sent event whose type is one of
    /// <paramref name="eventTypes"/>, in order, until the caller cancels; errors as <see cref="WatchAsync"/>.</summary>
    public async IAsyncEnumerable<(string Type, string Data)> WatchAnyAsync(string path, IReadOnlyCollection<string> eventTypes, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var response = await SendAsync(path, cancellationToken);
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        await using var events = SseParser.Create(stream).EnumerateAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            bool more;
            try
            {
                more = await events.MoveNextAsync();
            }
            catch (Exception ex) when (ex is IOException or HttpRequestException && !cancellationToken.IsCancellationRequested)
            {
                throw new ControlException($"lost the connection to {endpoint} ({ex.Message}). Did the node stop?");
            }

            if (!more)
            {
                throw new ControlException($"{endpoint} closed the watch stream. Did the node stop?");
            }

            if (eventTypes.Contains(events.Current.EventType))
            {
                yield return (events.Current.EventType, events.Current.Data);
            }
        }
    }

    /// <summary>Sends <paramref name="body"/> as JSON (none when null) and returns the status and
    /// the JSON answer, whatever the status: the command decides what each status means.</summary>
    public async Task<(int Status, JsonElement Body)> SendJsonAsync(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(path, cancellationToken, method, body, throwOnError: false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return ((int)response.StatusCode, Parse(text.Length == 0 ? "{}" : text, path));
    }

    /// <summary>The <c>error</c> text of a JSON error answer.</summary>
    public static string ErrorOf(JsonElement body) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.String ? error.GetString()! : body.ToString();

    private async Task<HttpResponseMessage> SendAsync(string path, CancellationToken cancellationToken, HttpMethod? method = null, object? body = null, bool throwOnError = true)
    {
        using var answer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        answer.CancelAfter(AnswerTimeout);
        HttpResponseMessage response;
        try
        {
            using var request = new HttpRequestMessage(method ?? HttpMethod.Get, path)
            {
                Content = body is null ? null : System.Net.Http.Json.JsonContent.Create(body),
            };
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, answer.Token);
        }
        catch (HttpRequestException ex)
        {
            throw new ControlException($"cannot reach the control endpoint at {endpoint} ({ex.Message}). Is the node running? Point at it with --endpoint http://HOST:PORT");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ControlException($"the control endpoint at {endpoint} did not answer within {AnswerTimeout.TotalSeconds:0} s");
        }

        if (response.IsSuccessStatusCode || !throwOnError)
        {
            return response;
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new ControlException($"{endpoint}{path.TrimStart('/')} answered HTTP {(int)response.StatusCode}: {ErrorText(text)}");
        }
    }

    /// <summary>The <c>error</c> of a JSON error document, or the body as it is.</summary>
    private static string ErrorText(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.ValueKind == JsonValueKind.Object &&
                json.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.String)
            {
                return error.GetString()!;
            }
        }
        catch (JsonException)
        {
        }

        return body;
    }

    public void Dispose() => _http.Dispose();
}
