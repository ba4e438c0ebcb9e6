using System.Globalization;
using System.Text.Json;
using Spectre.Console;

namespace MeshActors.Cli.Discovery;

/// <summary>Renders <c>GET /control/discovery</c>: the providers' health and the bootstrap.</summary>
internal static class DiscoveryView
{
    public static void Write(IAnsiConsole console, JsonElement body)
    {
        var bootstrap = body.GetProperty("bootstrap");
        console.WriteLine($"node {Text(body, "nodeId")}: bootstrap {Text(bootstrap, "state")}{UpAfter(bootstrap)}");
        console.WriteLine($"  {Text(bootstrap, "reason")}");
        var providers = new Table().AddColumns("PROVIDER", "TIER", "ENABLED", "RUNS", "LAST RUN", "TOOK", "NEXT RUN", "FOUND", "LAST ERROR");
        foreach (var p in body.GetProperty("providers").EnumerateArray())
        {
            providers.AddRow(
                Markup.Escape(Text(p, "name")),
                Text(p, "tier"),
                p.GetProperty("enabled").GetBoolean() ? "yes" : "no",
                p.GetProperty("runs").GetInt64().ToString(CultureInfo.InvariantCulture),
                Time(p, "lastRun"),
                p.GetProperty("lastDurationMs") is { ValueKind: JsonValueKind.Number } ms ? $"{ms.GetDouble():0.#} ms" : "-",
                !p.GetProperty("enabled").GetBoolean() ? "-" : p.GetProperty("nextRun").ValueKind == JsonValueKind.Null ? "running" : Time(p, "nextRun"),
                p.GetProperty("targetsFound").GetInt32().ToString(CultureInfo.InvariantCulture),
                Markup.Escape(p.GetProperty("lastError").GetString() ?? "-"));
        }

        console.Write(providers);
        var contacts = new Table().AddColumns("CONTACT POINT", "PROVIDER", "NODE", "IN CLUSTER", "FAILURES", "LAST ERROR");
        foreach (var c in bootstrap.GetProperty("contacts").EnumerateArray())
        {
            contacts.AddRow(
                Markup.Escape(Text(c, "address")),
                Markup.Escape(Text(c, "provider")),
                Markup.Escape(c.GetProperty("self").GetBoolean() ? "(this node)" : c.GetProperty("nodeId").GetString() ?? "-"),
                c.GetProperty("joined").GetBoolean() ? "yes" : "no",
                c.GetProperty("failures").GetInt32().ToString(CultureInfo.InvariantCulture),
                Markup.Escape(c.GetProperty("lastError").GetString() ?? "-"));
        }

        console.Write(contacts);
        if (bootstrap.GetProperty("contacts").GetArrayLength() == 0)
        {
            console.WriteLine("no contact points");
        }
    }

    internal static string Text(JsonElement e, string name) => e.GetProperty(name).GetString() ?? "-";

    internal static string UpAfter(JsonElement bootstrap) =>
        bootstrap.GetProperty("upAfterMs") is { ValueKind: JsonValueKind.Number } up ? $" ({up.GetDouble() / 1000:0.00} s after start)" : string.Empty;

    private static string Time(JsonElement e, string name) =>
        e.GetProperty(name) is { ValueKind: JsonValueKind.String } t ? t.GetDateTimeOffset().ToLocalTime().ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture) : "-";
}
