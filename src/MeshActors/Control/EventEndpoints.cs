using System.Text;
using System.Text.Json;
using MeshActors.Events.Delivery;
using MeshActors.Events.Topics;
using MeshActors.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MeshActors.Control;

/// <summary>
/// <c>POST /control/events</c> with <c>{"topic": "…", "data": "UTF-8 text"}</c> or
/// <c>{"topic": "…", "dataBase64": "…"}</c> publishes an event from this node and answers 202
/// <c>{"id": "…"}</c>; bad JSON, a missing or invalid topic, a topic outside
/// <c>meshactors.events.allowed-topics</c> or an oversized payload answer 400 naming the field.
/// <c>GET /control/events/stream?pattern=…</c> (default <c>#</c>) streams server-sent events:
/// <c>subscribed</c> once the subscription is in place, then <c>event</c> with
/// <c>{id, topic, source, publishedAt, receivedAt, local, data, dataBase64}</c> per received event
/// (<c>data</c> null when the payload is not UTF-8).
/// </summary>
internal static class EventEndpoints
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static void Map(IEndpointRouteBuilder routes, MeshNode node)
    {
        routes.MapPost("/control/events", async (HttpContext http) =>
        {
            JsonElement body;
            try
            {
                using var document = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted).ConfigureAwait(false);
                body = document.RootElement.Clone();
            }
            catch (JsonException e)
            {
                return Bad($"the body is not JSON ({e.Message}); send {{\"topic\": \"infrastructure.disk\", \"data\": \"text\"}}");
            }

            if (body.ValueKind != JsonValueKind.Object)
            {
                return Bad("the body must be a JSON object such as {\"topic\": \"infrastructure.disk\", \"data\": \"text\"}");
            }

            if (!body.TryGetProperty("topic", out var t) || t.ValueKind != JsonValueKind.String)
            {
                return Bad("field 'topic' is missing or not a string; name the topic, e.g. \"infrastructure.disk\"");
            }

            var (payload, problem) = Payload(body);
            if (problem is not null)
            {
                return Bad(problem);
            }

            var topic = t.GetString()!;
            if (node.Events.Problem(topic, payload.Length) is { } refused)
            {
                return Bad($"field '{(refused.Field == "payload" ? (body.TryGetProperty("dataBase64", out _) ? "dataBase64" : "data") : "topic")}': {refused.Message}");
            }

            try
            {
                return Results.Json(new { id = node.Events.Publish(topic, payload).ToString() }, statusCode: StatusCodes.Status202Accepted);
            }
            catch (InvalidOperationException e)
            {
                return Results.Json(new { error = e.Message }, statusCode: StatusCodes.Status503ServiceUnavailable);
            }
        });

        routes.MapGet("/control/events/stream", async (HttpContext http) =>
        {
            var pattern = http.Request.Query["pattern"].ToString() is { Length: > 0 } p ? p : TopicPattern.TrailingWildcard;
            if (!TopicPattern.TryParse(pattern, out _, out var problem))
            {
                await Bad($"query 'pattern': \"{pattern}\" is not a topic pattern: {problem}; e.g. infrastructure.* or deployment.#").ExecuteAsync(http).ConfigureAwait(false);
                return;
            }

            IAsyncEnumerable<ReceivedEvent> events;
            try
            {
                events = node.Events.Subscribe(pattern, http.RequestAborted);
            }
            catch (InvalidOperationException e)
            {
                await Results.Json(new { error = e.Message }, statusCode: StatusCodes.Status503ServiceUnavailable).ExecuteAsync(http).ConfigureAwait(false);
                return;
            }

            http.Response.ContentType = "text/event-stream";
            http.Response.Headers.CacheControl = "no-cache";
            try
            {
                await WriteAsync(http, "subscribed", new { pattern }).ConfigureAwait(false);
                await foreach (var received in events.ConfigureAwait(false))
                {
                    await WriteAsync(http, "event", Entry(received)).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException)
            {
                // The client went away, or the node is stopping.
            }
        });
    }

    /// <summary>One received event as the stream shows it (also the shape meshctl reads).</summary>
    internal static object Entry(ReceivedEvent e)
    {
        string? text;
        try
        {
            text = StrictUtf8.GetString(e.Payload.Span);
        }
        catch (DecoderFallbackException)
        {
            text = null;
        }

        return new { id = e.Id.ToString(), topic = e.Topic, source = e.Source, publishedAt = e.PublishedAt, receivedAt = e.ReceivedAt, local = e.Local, data = text, dataBase64 = Convert.ToBase64String(e.Payload.Span) };
    }

    private static (byte[] Payload, string? Problem) Payload(JsonElement body)
    {
        var hasText = body.TryGetProperty("data", out var data);
        var hasBase64 = body.TryGetProperty("dataBase64", out var base64);
        if (hasText && hasBase64)
        {
            return ([], "fields 'data' and 'dataBase64' are both given; send the payload in one of them");
        }

        if (hasText)
        {
            return data.ValueKind == JsonValueKind.String ? (Encoding.UTF8.GetBytes(data.GetString()!), null) : ([], "field 'data' must be a string (UTF-8 text); use 'dataBase64' for bytes");
        }

        if (hasBase64)
        {
            try
            {
                return base64.ValueKind == JsonValueKind.String ? (Convert.FromBase64String(base64.GetString()!), null) : ([], "field 'dataBase64' must be a base64 string");
            }
            catch (FormatException)
            {
                return ([], "field 'dataBase64' is not valid base64");
            }
        }

        return ([], null);
    }

    private static IResult Bad(string error) => Results.Json(new { error }, statusCode: StatusCodes.Status400BadRequest);

    private static async Task WriteAsync(HttpContext http, string eventType, object data)
    {
        await http.Response.WriteAsync($"event: {eventType}\ndata: {JsonSerializer.Serialize(data)}\n\n", http.RequestAborted).ConfigureAwait(false);
        await http.Response.Body.FlushAsync(http.RequestAborted).ConfigureAwait(false);
    }
}
