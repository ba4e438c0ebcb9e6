using System.CommandLine;
using System.Text.Json;
using MeshActors.Cli.Control;
using Spectre.Console;

namespace MeshActors.Cli.Commands;

/// <summary><c>meshctl connections</c>: the node's open mesh connections.</summary>
internal static class ConnectionsCommand
{
    public static Command Build()
    {
        var endpoint = EndpointOption.Create();
        var json = new Option<bool>("--json") { Description = "print the raw JSON instead of a table" };
        var command = new Command("connections", "List the node's open mesh connections: peer, direction, protocol, TLS version, traffic") { endpoint, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            try
            {
                using var client = new ControlClient(parse.GetValue(endpoint)!);
                var body = await client.GetAsync("/control/connections", cancellationToken);
                if (parse.GetValue(json))
                {
                    Console.Out.WriteLine(JsonSerializer.Serialize(body, new JsonSerializerOptions { WriteIndented = true }));
                }
                else
                {
                    Render(body);
                }

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

    private static void Render(JsonElement body)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out), ColorSystem = ColorSystemSupport.NoColors });
        if (Console.IsOutputRedirected)
        {
            // Piped or captured: no terminal width to fit, so never truncate a value.
            console.Profile.Width = 400;
        }

        console.WriteLine($"node {body.GetProperty("nodeId").GetString()}, transport {body.GetProperty("transport")}, TLS {body.GetProperty("tls").GetString()}");
        var table = new Table().AddColumns("PEER", "DIRECTION", "ADDRESS", "PROTOCOL", "TLS", "SINCE", "BYTES IN", "BYTES OUT", "MSGS IN", "MSGS OUT");
        foreach (var c in body.GetProperty("connections").EnumerateArray())
        {
            table.AddRow(
                Markup.Escape(c.GetProperty("peerNodeId").GetString() ?? "?"),
                c.GetProperty("direction").GetString()!,
                Markup.Escape(c.GetProperty("remoteAddress").GetString()!),
                c.GetProperty("httpProtocol").GetString()!,
                c.GetProperty("tlsVersion").GetString()!,
                c.GetProperty("since").GetDateTimeOffset().ToString("HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
                c.GetProperty("bytesIn").GetInt64().ToString("N0", System.Globalization.CultureInfo.InvariantCulture),
                c.GetProperty("bytesOut").GetInt64().ToString("N0", System.Globalization.CultureInfo.InvariantCulture),
                c.GetProperty("messagesIn").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture),
                c.GetProperty("messagesOut").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        console.Write(table);
        if (body.GetProperty("connections").GetArrayLength() == 0)
        {
            console.WriteLine("no open connections");
        }
    }
}
