using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using MeshActors.Cli.Control;
using Spectre.Console;

namespace MeshActors.Cli.Commands;

/// <summary><c>meshctl leaders</c>: each scope's leader, fencing token and term as one node sees them; <c>--watch</c> prints every change.</summary>
internal static class LeadersCommand
{
    public static Command Build()
    {
        var endpoint = EndpointOption.Create();
        var json = new Option<bool>("--json") { Description = "print the node's JSON as it is (with --watch: one event per line)" };
        var watch = new Option<bool>("--watch", "-w") { Description = "print the leaders, then one line per change until Ctrl+C" };
        var scope = new Option<string?>("--scope") { Description = "only this scope (global, or one of meshactors.leadership.scopes)" };
        var command = new Command("leaders", "Show each scope's leader (meshactors.leadership): node id, term, fencing token, and when its term ends")
        {
            endpoint, json, watch, scope,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var query = parse.GetValue(scope) is { Length: > 0 } s ? "?scope=" + Uri.EscapeDataString(s) : string.Empty;
            using var client = new ControlClient(parse.GetValue(endpoint)!);
            try
            {
                if (parse.GetValue(watch))
                {
                    await WatchAsync(client, "/control/events/leadership" + query, parse.GetValue(json), cancellationToken);
                    return 0;
                }

                var (status, body) = await client.SendJsonAsync(HttpMethod.Get, "/control/leaders" + query, null, cancellationToken);
                if (status != 200)
                {
                    Console.Error.WriteLine("error: " + ControlClient.ErrorOf(body));
                    return 1;
                }

                if (parse.GetValue(json))
                {
                    Console.Out.WriteLine(body.GetRawText());
                }
                else
                {
                    Write(CreateConsole(), body);
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
                return 0; // Ctrl+C ends --watch
            }
        });
        return command;
    }

    /// <summary>The leaders as a table: SCOPE, LEADER, TERM, TOKEN, ACQUIRED, EXPIRES.</summary>
    internal static void Write(IAnsiConsole console, JsonElement leaders)
    {
        var table = new Table().Border(TableBorder.Simple).AddColumns("SCOPE", "LEADER", "TERM", "FENCING TOKEN", "ACQUIRED", "EXPIRES");
        foreach (var entry in leaders.EnumerateArray())
        {
            var leader = Text(entry, "leaderId");
            table.AddRow(
                Markup.Escape(Text(entry, "scope")),
                leader.Length == 0 ? "[yellow](none)[/]" : Markup.Escape(leader),
                Text(entry, "term"),
                Text(entry, "fencingToken"),
                Time(entry, "acquiredAt"),
                Time(entry, "expiresAt"));
        }

        console.Write(table);
    }

    private static async Task WatchAsync(ControlClient client, string path, bool json, CancellationToken cancellationToken)
    {
        var console = CreateConsole();
        var first = true;
        await foreach (var data in client.WatchAnyAsync(path, ["leaders", "leadership"], cancellationToken))
        {
            if (json)
            {
                Console.Out.WriteLine(data.Data);
                continue;
            }

            var document = client.Parse(data.Data, path);
            if (first)
            {
                first = false;
                Write(console, document);
                console.WriteLine($"watching {client.Endpoint} (Ctrl+C to stop)");
                continue;
            }

            var now = DateTime.Now.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture);
            var scope = Text(document, "scope");
            var previous = document.GetProperty("previous") is { ValueKind: JsonValueKind.Object } p ? Text(p, "leaderId") : "none known";
            console.WriteLine(document.GetProperty("current") is { ValueKind: JsonValueKind.Object } c
                ? $"{now} {scope}: {Text(c, "leaderId")} elected (term {Text(c, "term")}, fencing token {Text(c, "fencingToken")}); before: {previous}"
                : $"{now} {scope}: no leader (term of {previous} ended)");
        }
    }

    private static string Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString()!,
            JsonValueKind.Number => value.GetRawText(),
            _ => string.Empty,
        } : string.Empty;

    private static string Time(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var at)
            ? at.ToLocalTime().ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture)
            : string.Empty;

    private static IAnsiConsole CreateConsole() => AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });
}
