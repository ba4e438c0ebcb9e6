using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using MeshActors.Cli.Control;
using Spectre.Console;

namespace MeshActors.Cli.Commands;

/// <summary><c>meshctl views</c>: one node's overlay views (<c>GET /control/views</c>): the active and passive peers, the limits and the bans.</summary>
internal static class ViewsCommand
{
    public static Command Build()
    {
        var endpoint = EndpointOption.Create();
        var json = new Option<bool>("--json") { Description = "print the node's JSON as it is" };
        var view = new Option<string?>("--view") { Description = "only this view: active or passive" };
        view.AcceptOnlyFromAmong("active", "passive");
        var command = new Command("views", "Show one node's overlay views (meshactors.overlay): active and passive peers with score, round trip and age, then the limits and the bans")
        {
            endpoint, json, view,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var query = parse.GetValue(view) is { Length: > 0 } v ? "?view=" + v : string.Empty;
            using var client = new ControlClient(parse.GetValue(endpoint)!);
            try
            {
                var (status, body) = await client.SendJsonAsync(HttpMethod.Get, "/control/views" + query, null, cancellationToken);
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
                    Write(AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) }), body, DateTimeOffset.UtcNow);
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

    /// <summary>The views as tables: ACTIVE then PASSIVE (NODE, ADDRESS, SCORE, RTT MS, SINCE as an age at <paramref name="now"/>), then the limits and the bans.</summary>
    internal static void Write(IAnsiConsole console, JsonElement views, DateTimeOffset now)
    {
        var self = views.GetProperty("self");
        console.WriteLine($"node {Text(self, "nodeId")} ({Text(self, "address")}), views version {Text(views, "version")}");
        foreach (var name in (string[])["active", "passive"])
        {
            var peers = views.GetProperty(name);
            var table = new Table().Border(TableBorder.Simple).Title($"{name.ToUpperInvariant()} ({peers.GetArrayLength()})")
                .AddColumns("NODE", "ADDRESS", "SCORE", "RTT MS", "SINCE");
            foreach (var peer in peers.EnumerateArray())
            {
                table.AddRow(
                    Markup.Escape(Text(peer, "nodeId")),
                    Markup.Escape(Text(peer, "address")),
                    Number(peer, "score", "0.00"),
                    Number(peer, "rttMs", "0.0"),
                    Age(peer, "since", now));
            }

            console.Write(table);
        }

        var limits = views.GetProperty("limits");
        // Two short lines: a redirected console is 80 columns wide and would wrap one long line.
        console.WriteLine($"limits: active target {Text(limits, "activeTarget")} (low {Text(limits, "activeLow")}, high {Text(limits, "activeHigh")}), passive {Text(limits, "passiveSize")}");
        console.WriteLine($"        max peers {Text(limits, "maxPeers")}, max per subnet {Text(limits, "maxPerSubnet")}, inbound {Text(limits, "inboundPerSecond")}/s");
        var banned = views.GetProperty("banned");
        if (banned.GetArrayLength() == 0)
        {
            console.WriteLine("banned: none");
            return;
        }

        var bans = new Table().Border(TableBorder.Simple).Title($"BANNED ({banned.GetArrayLength()})").AddColumns("NODE", "ADDRESS", "FOR", "REASON");
        foreach (var ban in banned.EnumerateArray())
        {
            bans.AddRow(Markup.Escape(Text(ban, "nodeId")), Markup.Escape(Text(ban, "address")), Remaining(ban, "until", now), Markup.Escape(Text(ban, "reason")));
        }

        console.Write(bans);
    }

    /// <summary>A duration as an operator reads it: 45s, 3m12s, 2h05m, 3d04h.</summary>
    internal static string Duration(TimeSpan span)
    {
        if (span < TimeSpan.Zero)
        {
            span = TimeSpan.Zero;
        }

        return span.TotalSeconds < 60 ? $"{(int)span.TotalSeconds}s"
            : span.TotalMinutes < 60 ? $"{(int)span.TotalMinutes}m{span.Seconds:00}s"
            : span.TotalHours < 24 ? $"{(int)span.TotalHours}h{span.Minutes:00}m"
            : $"{(int)span.TotalDays}d{span.Hours:00}h";
    }

    private static string Age(JsonElement element, string name, DateTimeOffset now) =>
        Time(element, name) is { } at ? Duration(now - at) : string.Empty;

    private static string Remaining(JsonElement element, string name, DateTimeOffset now) =>
        Time(element, name) is { } at ? Duration(at - now) : string.Empty;

    private static DateTimeOffset? Time(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            && DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) ? at : null;

    private static string Number(JsonElement element, string name, string format) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number
            ? value.GetDouble().ToString(format, CultureInfo.InvariantCulture)
            : "-";

    private static string Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString()!,
            JsonValueKind.Number => value.GetRawText(),
            _ => string.Empty,
        } : string.Empty;
}
