using System.Globalization;
using System.Text.Json;
using Spectre.Console;

namespace MeshActors.Cli.Members;

/// <summary>
/// Draws a <c>GET /control/members</c> document: one summary line (counts per status, as seen by
/// which node), then a table with one row per member, the viewing node marked "(self)".
/// </summary>
internal static class MemberListView
{
    private static readonly string[] Statuses = ["alive", "suspect", "dead", "left"];

    /// <summary>A console on standard output: colours on a terminal; plain and never truncated when piped.</summary>
    public static IAnsiConsole CreateConsole()
    {
        var redirected = Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Console.Out),
            ColorSystem = redirected ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
            Ansi = redirected ? AnsiSupport.No : AnsiSupport.Detect,
        });
        if (redirected)
        {
            // Piped or captured: no terminal width to fit, so never truncate a value.
            console.Profile.Width = 400;
        }

        return console;
    }

    /// <summary>
    /// Writes the summary line and the table. <paramref name="extraColumn"/> adds a last column
    /// computed from each member's node id (the demo's process state).
    /// </summary>
    public static void Write(IAnsiConsole console, JsonElement document, (string Header, Func<string, string> Value)? extraColumn = null)
    {
        var self = Text(document, "self");
        var members = document.TryGetProperty("members", out var list) && list.ValueKind == JsonValueKind.Array ? list.EnumerateArray().ToList() : [];
        var counts = Statuses.Select(s => $"{members.Count(m => Text(m, "status") == s)} {s}");
        console.WriteLine($"{members.Count} member{(members.Count == 1 ? "" : "s")} as seen by {self} (version {Text(document, "version")}): {string.Join(", ", counts)}");
        if (members.Count == 0)
        {
            console.WriteLine("no members match");
            return;
        }

        var table = new Table().AddColumns("NODE", "ADDRESS", "STATUS", "INCARNATION", "ROLE", "ZONE", "LAST CHANGE");
        if (extraColumn is { } extra)
        {
            table.AddColumn(extra.Header);
        }

        foreach (var member in members)
        {
            var nodeId = Text(member, "nodeId");
            var cells = new List<string>
            {
                Markup.Escape(nodeId == self ? nodeId + " (self)" : nodeId),
                Markup.Escape(Text(member, "address")),
                Status(Text(member, "status")),
                Markup.Escape(Text(member, "incarnation")),
                Markup.Escape(OrDash(Text(member, "role"))),
                Markup.Escape(OrDash(Text(member, "zone"))),
                Markup.Escape(LastChange(member)),
            };
            if (extraColumn is { } column)
            {
                cells.Add(Markup.Escape(column.Value(nodeId)));
            }

            table.AddRow(cells.ToArray());
        }

        console.Write(table);
    }

    private static string Status(string status) => status switch
    {
        "alive" => "[green]alive[/]",
        "suspect" => "[yellow]suspect[/]",
        "dead" => "[red]dead[/]",
        "left" => "[grey]left[/]",
        _ => Markup.Escape(status),
    };

    /// <summary>When the member's status last changed, in local time like the node's own log lines.</summary>
    private static string LastChange(JsonElement member) =>
        member.TryGetProperty("lastChange", out var value) && value.ValueKind == JsonValueKind.String && value.TryGetDateTimeOffset(out var at)
            ? at.ToLocalTime().ToString("HH:mm:ss", CultureInfo.InvariantCulture)
            : "-";

    private static string OrDash(string text) => text.Length == 0 ? "-" : text;

    private static string Text(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString()!,
                JsonValueKind.Null => string.Empty,
                _ => value.GetRawText(),
            }
            : "?";
}
