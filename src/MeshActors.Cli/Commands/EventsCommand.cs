using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using MeshActors.Cli.Control;

namespace MeshActors.Cli.Commands;

/// <summary><c>meshctl events publish TOPIC --data TEXT</c> and <c>meshctl events watch PATTERN</c>: signed events over the overlay (<c>meshactors.events</c>).</summary>
internal static class EventsCommand
{
    public static Command Build() => new("events", "Publish and watch signed, interest-based events (meshactors.events)")
    {
        BuildPublish(),
        BuildWatch(),
    };

    private static Command BuildPublish()
    {
        var endpoint = EndpointOption.Create();
        var topic = new Argument<string>("TOPIC") { Description = "the topic, dot-separated segments such as infrastructure.disk.full" };
        var data = new Option<string?>("--data", "-d") { Description = "the payload as UTF-8 text" };
        var base64 = new Option<string?>("--data-base64") { Description = "the payload as base64 bytes (instead of --data)" };
        var command = new Command("publish", "Publish an event from the node; prints its id") { topic, data, base64, endpoint };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(data) is not null && parse.GetValue(base64) is not null)
            {
                Console.Error.WriteLine("error: give --data or --data-base64, not both");
                return Meshctl.InvalidInput;
            }

            object body = parse.GetValue(base64) is { } b64
                ? new { topic = parse.GetValue(topic), dataBase64 = b64 }
                : new { topic = parse.GetValue(topic), data = parse.GetValue(data) ?? string.Empty };
            using var client = new ControlClient(parse.GetValue(endpoint)!);
            try
            {
                var (status, answer) = await client.SendJsonAsync(HttpMethod.Post, "/control/events", body, cancellationToken);
                if (status != 202)
                {
                    Console.Error.WriteLine("error: " + ControlClient.ErrorOf(answer));
                    return status == 400 ? Meshctl.InvalidInput : 1;
                }

                Console.Out.WriteLine(answer.GetProperty("id").GetString());
                return 0;
            }
            catch (ControlException ex)
            {
                Console.Error.WriteLine("error: " + ex.Message);
                return 1;
            }
        });
        return command;
    }

    private static Command BuildWatch()
    {
        var endpoint = EndpointOption.Create();
        var pattern = new Argument<string>("PATTERN") { Description = "a topic pattern: '*' one segment, a final '#' zero or more (e.g. infrastructure.#)", DefaultValueFactory = _ => "#" };
        var json = new Option<bool>("--json") { Description = "print each event's JSON on its own line" };
        var command = new Command("watch", "Print the events the node receives whose topic matches PATTERN, until Ctrl+C") { pattern, json, endpoint };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var client = new ControlClient(parse.GetValue(endpoint)!);
            var path = "/control/events/stream?pattern=" + Uri.EscapeDataString(parse.GetValue(pattern)!);
            try
            {
                await foreach (var (type, text) in client.WatchAnyAsync(path, ["subscribed", "event"], cancellationToken))
                {
                    if (type == "subscribed")
                    {
                        Console.Error.WriteLine($"watching {parse.GetValue(pattern)} at {client.Endpoint} (Ctrl+C to stop)");
                        continue;
                    }

                    Console.Out.WriteLine(parse.GetValue(json) ? text : Line(client.Parse(text, path)));
                }

                return 0;
            }
            catch (ControlException ex)
            {
                Console.Error.WriteLine("error: " + ex.Message);
                return 1;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return 0; // Ctrl+C
            }
        });
        return command;
    }

    /// <summary>One event as a line: time, topic, source, id, and the text (or the base64 bytes).</summary>
    internal static string Line(JsonElement e)
    {
        var at = e.TryGetProperty("publishedAt", out var p) && p.ValueKind == JsonValueKind.String && DateTimeOffset.TryParse(p.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var published)
            ? published.ToLocalTime().ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture)
            : string.Empty;
        var data = e.GetProperty("data") is { ValueKind: JsonValueKind.String } text ? text.GetString() : "base64:" + e.GetProperty("dataBase64").GetString();
        return $"{at} {e.GetProperty("topic").GetString()} from {e.GetProperty("source").GetString()} ({e.GetProperty("id").GetString()}): {data}";
    }
}
