using System.CommandLine;
using System.Text;
using System.Text.Json;
using MeshActors.Cli.Control;

namespace MeshActors.Cli.Commands;

/// <summary>
/// <c>meshctl discovery</c> (each provider's health, the bootstrap's state and its contact points),
/// <c>meshctl discovery explain</c> (why the node is in the cluster it is in), and
/// <c>meshctl peers add|remove|list</c> (manual introductions, with an optional key check).
/// </summary>
internal static class DiscoveryCommands
{
    public static Command BuildDiscovery()
    {
        var endpoint = EndpointOption.Create();
        var json = new Option<bool>("--json") { Description = "print the node's JSON answer as it is" };
        var command = new Command("discovery", "Show each discovery provider's health, the Cluster Bootstrap state and the contact points of the node at --endpoint") { endpoint, json };
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(endpoint)!, "/control/discovery", parse.GetValue(json), Describe, ct));

        var explainEndpoint = EndpointOption.Create();
        var explainJson = new Option<bool>("--json") { Description = "print the node's JSON answer as it is" };
        var explain = new Command("explain", "Say why the node at --endpoint joined whom: formed or joined, through which contact points, providers and records") { explainEndpoint, explainJson };
        explain.SetAction((parse, ct) => RunAsync(parse.GetValue(explainEndpoint)!, "/control/discovery/explain", parse.GetValue(explainJson), Explain, ct));
        command.Subcommands.Add(explain);
        return command;
    }

    public static Command BuildPeers()
    {
        var command = new Command("peers", "Introduce a node by hand to the node at --endpoint (the static tier's manual provider), forget one, or list them");

        var addEndpoint = EndpointOption.Create();
        var address = new Argument<string>("ADDR") { Description = "the peer's bootstrap endpoint, host:port (meshactors.bootstrap.port)" };
        var fingerprint = new Option<string?>("--fingerprint") { Description = "sha256:… of the peer's TLS public key (as `meshctl cert issue` prints); the introduction is refused when the peer presents another key" };
        var add = new Command("add", "Introduce ADDR: checks its key when --fingerprint is given, then Cluster Bootstrap probes it and joins through it") { addEndpoint, address, fingerprint };
        add.SetAction(async (parse, ct) =>
        {
            try
            {
                using var client = new ControlClient(parse.GetValue(addEndpoint)!);
                var (status, body) = await client.SendJsonAsync(HttpMethod.Post, "/control/peers", new { address = parse.GetValue(address), fingerprint = parse.GetValue(fingerprint) }, ct);
                switch (status)
                {
                    case 200:
                        Console.Out.WriteLine($"introduced {Str(body, "added")}" + (Str(body, "fingerprint") is { Length: > 0 } fp ? $" (key {fp} checked)" : " (key not checked: no --fingerprint)") + $"; {Str(body, "note")}");
                        return 0;
                    case 409:
                        Console.Error.WriteLine($"error: {ControlClient.ErrorOf(body)}\n  expected: {Str(body, "expected")}\n  actual:   {Str(body, "actual")}");
                        return 1;
                    case 400:
                        Console.Error.WriteLine("error: " + ControlClient.ErrorOf(body));
                        return Meshctl.InvalidInput;
                    default:
                        Console.Error.WriteLine($"error: {client.Endpoint}control/peers answered HTTP {status}: {ControlClient.ErrorOf(body)}");
                        return 1;
                }
            }
            catch (ControlException ex)
            {
                Console.Error.WriteLine("error: " + ex.Message);
                return 1;
            }
        });

        var removeEndpoint = EndpointOption.Create();
        var removeAddress = new Argument<string>("ADDR") { Description = "the introduced bootstrap endpoint, host:port" };
        var remove = new Command("remove", "Forget an introduction") { removeEndpoint, removeAddress };
        remove.SetAction(async (parse, ct) =>
        {
            try
            {
                using var client = new ControlClient(parse.GetValue(removeEndpoint)!);
                var (status, body) = await client.SendJsonAsync(HttpMethod.Delete, "/control/peers/" + Uri.EscapeDataString(parse.GetValue(removeAddress)!), null, ct);
                if (status == 200)
                {
                    Console.Out.WriteLine($"forgot {Str(body, "removed")}");
                    return 0;
                }

                Console.Error.WriteLine("error: " + ControlClient.ErrorOf(body));
                return status == 400 ? Meshctl.InvalidInput : 1;
            }
            catch (ControlException ex)
            {
                Console.Error.WriteLine("error: " + ex.Message);
                return 1;
            }
        });

        var listEndpoint = EndpointOption.Create();
        var list = new Command("list", "List the introductions") { listEndpoint };
        list.SetAction((parse, ct) => RunAsync(parse.GetValue(listEndpoint)!, "/control/peers", false, body =>
        {
            var peers = body.GetProperty("peers").EnumerateArray().ToList();
            return peers.Count == 0 ? "no introductions" : string.Join('\n', peers.Select(p => $"{Str(p, "address")}  {Str(p, "fingerprint") ?? "(key not checked)"}"));
        }, ct));

        command.Subcommands.Add(add);
        command.Subcommands.Add(remove);
        command.Subcommands.Add(list);
        return command;
    }

    private static async Task<int> RunAsync(Uri endpoint, string path, bool json, Func<JsonElement, string> describe, CancellationToken ct)
    {
        try
        {
            using var client = new ControlClient(endpoint);
            var body = await client.GetAsync(path, ct);
            Console.Out.WriteLine(json ? body.GetRawText() : describe(body));
            return 0;
        }
        catch (ControlException ex)
        {
            Console.Error.WriteLine("error: " + ex.Message);
            return 1;
        }
    }

    /// <summary>The human view of <c>/control/discovery</c>.</summary>
    internal static string Describe(JsonElement d)
    {
        var text = new StringBuilder();
        text.AppendLine($"JOIN  mode {Str(d, "mode")}, {Str(d, "outcome") ?? Str(d, "phase")}; bootstrap endpoint {Str(d, "selfContactPoint") ?? "-"}");
        if (Str(d, "lastLookupError") is { } lookupError)
        {
            text.AppendLine($"      last lookup failed: {lookupError}");
        }

        text.AppendLine();
        text.AppendLine(Row("PROVIDER", "TIER", "STATE", "RUNS", "FAILS", "TARGETS", "LAST ERROR"));
        foreach (var p in d.GetProperty("providers").EnumerateArray())
        {
            text.AppendLine(Row(Str(p, "name"), Str(p, "tier"), Str(p, "state"), Num(p, "runs"), Num(p, "failures"), p.GetProperty("targets").GetArrayLength().ToString(), Str(p, "lastError") ?? ""));
        }

        text.AppendLine();
        text.AppendLine(Row("CONTACT POINT", "PROVIDER", "ANSWERED", "IN CLUSTER", "NODE", "SEEDS", "ERROR"));
        foreach (var c in d.GetProperty("contactPoints").EnumerateArray())
        {
            text.AppendLine(Row(Str(c, "endpoint"), Str(c, "provider") ?? "-", YesNo(c, "answered"), YesNo(c, "inCluster"), Str(c, "nodeId") ?? "-", c.GetProperty("seedNodes").GetArrayLength().ToString(), Str(c, "error") ?? ""));
        }

        var foreign = d.GetProperty("foreignClusters").EnumerateArray().ToList();
        if (foreign.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("ANOTHER CLUSTER WITH THIS ID (Akka never merges two clusters; restart the nodes of the smaller side):");
            foreach (var f in foreign)
            {
                text.AppendLine($"  {Str(f, "contactPoint")}: {Str(f, "selfNode")} with {f.GetProperty("members").GetArrayLength()} member(s)");
            }
        }

        return text.ToString().TrimEnd();
    }

    /// <summary>The human view of <c>/control/discovery/explain</c>.</summary>
    internal static string Explain(JsonElement e)
    {
        if (Str(e, "outcome") is not { } outcome)
        {
            return Str(e, "reason") ?? "no join decision yet";
        }

        var text = new StringBuilder();
        text.AppendLine($"{outcome.ToUpperInvariant()} at {Str(e, "at")}: {Str(e, "reason")}.");
        text.AppendLine($"  this node: {Str(e, "selfNode")}");
        text.AppendLine($"  seed nodes: {string.Join(", ", e.GetProperty("seedNodes").EnumerateArray().Select(s => s.GetString()))}");
        foreach (var v in e.GetProperty("via").EnumerateArray())
        {
            text.AppendLine($"  via {Str(v, "endpoint")} ({Str(v, "nodeId") ?? "?"}, {Str(v, "selfNode") ?? "no answer"}): provider {Str(v, "provider") ?? "?"}, found as {Str(v, "source") ?? "?"}");
        }

        return text.ToString().TrimEnd();
    }

    private static string Row(params string?[] cells)
    {
        int[] widths = [24, 12, 10, 11, 14, 9];
        return string.Concat(cells.Select((c, i) => i < widths.Length ? (c ?? "-").PadRight(widths[i]) : c ?? "")).TrimEnd();
    }

    private static string? Str(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static string Num(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetRawText() : "-";

    private static string YesNo(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.True ? "yes" : "no";
}
