using System.Text.Json;
using Spectre.Console;

namespace MeshActors.Cli.Members;

/// <summary>
/// Draws a <c>GET /control/members</c> document: one summary line (how many members, as seen by
/// which node, counts per Akka status and how many are unreachable), then a table with one row per
/// member, the node asked marked "(self)".
/// </summary>
internal static class MemberListView
{
    /// <summary>The table's columns, in order.</summary>
    public static readonly string[] Columns = ["NODE", "ADDRESS", "STATUS", "REACHABLE", "ROLES", "VERSION", "ZONE", "LABELS"];

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
        console.WriteLine(Summary(self, members, Text(document, "version")));
        if (members.Count == 0)
        {
            console.WriteLine("no members match");
            return;
        }

        var table = new Table().AddColumns(Columns);
        if (extraColumn is { } extra)
        {
            table.AddColumn(extra.Header);
        }

        foreach (var member in members)
        {
            var nodeId = NodeId(member);
            var metadata = member.TryGetProperty("metadata", out var m) && m.ValueKind == JsonValueKind.Object ? m : (JsonElement?)null;
            var reachable = member.TryGetProperty("reachable", out var r) && r.ValueKind != JsonValueKind.False;
            var status = Text(member, "status");
            var cells = new List<string>
            {
                Markup.Escape(Text(member, "address") == self ? nodeId + " (self)" : nodeId),
                Markup.Escape(Text(member, "address")),
                $"[{MemberStatus.Colour(status)}]{Markup.Escape(status)}[/]",
                reachable ? "yes" : "[red]no[/]",
                Markup.Escape(OrDash(Strings(member, "roles"))),
                Markup.Escape(OrDash(Text(member, "appVersion"))),
                Markup.Escape(metadata is { } zone ? OrDash(Text(zone, "zone")) : "?"),
                Markup.Escape(metadata is { } labels ? OrDash(Labels(labels)) : "?"),
            };
            if (extraColumn is { } column)
            {
                cells.Add(Markup.Escape(column.Value(nodeId)));
            }

            table.AddRow(cells.ToArray());
        }

        console.Write(table);
        if (members.Any(x => x.TryGetProperty("metadata", out var meta) && meta.ValueKind == JsonValueKind.Null))
        {
            console.WriteLine("? = metadata not replicated to this node yet");
        }
    }

    /// <summary>"3 members as seen by node-1 (version 7): 2 up, 1 leaving; 1 unreachable".</summary>
    public static string Summary(string self, IReadOnlyList<JsonElement> members, string version)
    {
        var viewer = members.FirstOrDefault(m => Text(m, "address") == self) is { ValueKind: JsonValueKind.Object } me && NodeId(me) != "?" ? NodeId(me) : self;
        var statuses = members.Select(m => Text(m, "status")).ToList();
        var counts = MemberStatus.All.Concat(statuses.Except(MemberStatus.All).Distinct())
            .Select(s => (Status: s, Count: statuses.Count(x => x == s)))
            .Where(c => c.Count > 0)
            .Select(c => $"{c.Count} {c.Status}");
        var unreachable = members.Count(m => m.TryGetProperty("reachable", out var r) && r.ValueKind == JsonValueKind.False);
        var line = $"{members.Count} member{(members.Count == 1 ? "" : "s")} as seen by {viewer} (version {version})";
        return members.Count == 0 ? line : $"{line}: {string.Join(", ", counts)}; {unreachable} unreachable";
    }

    /// <summary>The member's node id; "?" until its metadata has reached the node asked.</summary>
    public static string NodeId(JsonElement member) => Text(member, "nodeId") is { Length: > 0 } id ? id : "?";

    private static string Labels(JsonElement metadata) =>
        metadata.TryGetProperty("labels", out var labels) && labels.ValueKind == JsonValueKind.Object
            ? string.Join(",", labels.EnumerateObject().OrderBy(l => l.Name, StringComparer.Ordinal).Select(l => $"{l.Name}={Text(labels, l.Name)}"))
            : string.Empty;

    private static string Strings(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Array
            ? string.Join(",", value.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.String ? v.GetString()! : v.GetRawText()))
            : string.Empty;

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
