using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using MeshActors.Cli.Control;

namespace MeshActors.Cli.Commands;

/// <summary>
/// <c>meshctl shards list|owner|diff|drain|plans</c>: a node's copy of the shard tables, the history
/// of a namespace, cordoning a node so its shards drain, and the leader's rebalance plans.
/// </summary>
internal static class ShardsClusterCommands
{
    public static IEnumerable<Command> Build() => [List(), Owner(), Diff(), Drain(), Plans()];

    private static Command List()
    {
        var (endpoint, ns, json) = Common();
        var owner = new Option<string?>("--owner") { Description = "only shards this node owns" };
        var command = new Command("list", "The shard table a node holds: version, checksum, the writer's fencing token, each owner's load and every shard's owner and state") { endpoint, ns, json, owner };
        command.SetAction((parse, ct) => RunAsync(parse, endpoint, async client =>
        {
            var query = Query(("namespace", parse.GetValue(ns)), ("owner", parse.GetValue(owner)), ("page-size", "10000"));
            var body = await GetAsync(client, "/control/shards" + query, ct);
            if (parse.GetValue(json))
            {
                return body.GetRawText();
            }

            var text = new StringBuilder()
                .AppendLine(CultureInfo.InvariantCulture, $"namespace {S(body, "namespace")}  version {N(body, "version")}  checksum {S(body, "checksum")[..16]}…  fencing token {N(body, "fencingToken")}  shards {N(body, "shardCount")}")
                .AppendLine("LOADS  " + string.Join("  ", body.GetProperty("loads").EnumerateObject().Select(l => $"{(l.Name.Length == 0 ? "(unassigned)" : l.Name)}={l.Value}")))
                .AppendLine("SHARD  OWNER                STATE");
            foreach (var shard in body.GetProperty("shards").EnumerateArray())
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"{N(shard, "shard"),5}  {S(shard, "owner"),-20} {S(shard, "state")}");
            }

            return text.ToString().TrimEnd();
        }, ct));
        return command;
    }

    private static Command Owner()
    {
        var (endpoint, ns, json) = Common();
        var key = new Argument<string>("key") { Description = "the key, e.g. an entity id" };
        var command = new Command("owner", "Which shard a key falls in and which node owns it, from a node's copy of the table") { key, endpoint, ns, json };
        command.SetAction((parse, ct) => RunAsync(parse, endpoint, async client =>
        {
            var body = await GetAsync(client, "/control/shards/owner" + Query(("namespace", parse.GetValue(ns)), ("key", parse.GetValue(key))), ct);
            return parse.GetValue(json) ? body.GetRawText()
                : $"{S(body, "key")} -> shard {N(body, "shard")} of {S(body, "namespace")} -> {S(body, "owner")} ({S(body, "state")}, table version {N(body, "version")})";
        }, ct));
        return command;
    }

    private static Command Diff()
    {
        var (endpoint, ns, json) = Common();
        var from = new Argument<long>("from") { Description = "the version to start from" };
        var to = new Argument<long>("to") { Description = "the version to end at" };
        var command = new Command("diff", "Every change between two versions of a namespace's table: who wrote it, when, why, and which shards moved") { from, to, endpoint, ns, json };
        command.SetAction((parse, ct) => RunAsync(parse, endpoint, async client =>
        {
            var body = await GetAsync(client, "/control/shards/diff" + Query(("namespace", parse.GetValue(ns)), ("from", parse.GetValue(from).ToString(CultureInfo.InvariantCulture)), ("to", parse.GetValue(to).ToString(CultureInfo.InvariantCulture))), ct);
            if (parse.GetValue(json))
            {
                return body.GetRawText();
            }

            var text = new StringBuilder();
            foreach (var d in body.EnumerateArray())
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"v{N(d, "fromVersion")} -> v{N(d, "toVersion")}  by {S(d, "author")} (token {N(d, "fencingToken")}) at {S(d, "at")}: {S(d, "reason")}");
                foreach (var m in d.GetProperty("moves").EnumerateArray())
                {
                    text.AppendLine(CultureInfo.InvariantCulture, $"  shard {N(m, "shard"),5}: {S(m, "fromOwner")} ({S(m, "fromState")}) -> {S(m, "toOwner")} ({S(m, "toState")})");
                }
            }

            return text.Length == 0 ? "no changes in that range" : text.ToString().TrimEnd();
        }, ct));
        return command;
    }

    private static Command Drain()
    {
        var endpoint = EndpointOption.Create();
        var node = new Argument<string>("node") { Description = "the node id to cordon" };
        var undo = new Option<bool>("--undo") { Description = "uncordon: the node may own shards again" };
        var command = new Command("drain", "Cordon a node: its shards move out within the guardrails (max-parallel-moves, cooldown) and nothing new lands on it") { node, endpoint, undo };
        command.SetAction((parse, ct) => RunAsync(parse, endpoint, async client =>
        {
            var (status, body) = await client.SendJsonAsync(HttpMethod.Post, "/control/shards/drain", new { node = parse.GetValue(node), cordon = !parse.GetValue(undo) }, ct);
            return status == 200
                ? $"{S(body, "node")} {(body.GetProperty("cordoned").GetBoolean() ? "cordoned: its shards drain to the other members" : "uncordoned: it may own shards again")}"
                : throw new ControlException(ControlClient.ErrorOf(body));
        }, ct));
        return command;
    }

    private static Command Plans()
    {
        var (endpoint, ns, json) = Common();
        var dryRun = new Option<bool>("--dry-run") { Description = "with --namespace: the moves the planner would make now, and the moved fraction (nothing is applied)" };
        var approve = new Option<bool>("--approve") { Description = "with --namespace: approve the leader's proposed plan (meshactors.sharding.require-approval)" };
        var command = new Command("plans", "The leader's rebalance plan per namespace (steady, investigating, draining, rebalancing, completed); --dry-run previews, --approve approves") { endpoint, ns, json, dryRun, approve };
        command.SetAction((parse, ct) => RunAsync(parse, endpoint, async client =>
        {
            JsonElement body;
            if (parse.GetValue(dryRun) || parse.GetValue(approve))
            {
                var name = parse.GetValue(ns) ?? throw new ControlException("--dry-run and --approve need --namespace");
                var (status, answer) = await client.SendJsonAsync(HttpMethod.Post, "/control/rebalance-plans", new { @namespace = name, dryRun = parse.GetValue(dryRun), approvedBy = Environment.UserName }, ct);
                body = status == 200 ? answer : throw new ControlException(ControlClient.ErrorOf(answer));
                if (parse.GetValue(dryRun) && !parse.GetValue(json))
                {
                    return $"{body.GetProperty("moves").GetArrayLength()} shard(s) would move in {name} " +
                           $"(moved fraction {body.GetProperty("movedFraction").GetDouble().ToString("0.0000", CultureInfo.InvariantCulture)}, {N(body, "drainingShards")} draining, {N(body, "parkedShards")} parked); nothing was applied";
                }
            }
            else
            {
                body = await GetAsync(client, "/control/rebalance-plans", ct);
            }

            if (parse.GetValue(json))
            {
                return body.GetRawText();
            }

            var text = new StringBuilder().AppendLine(CultureInfo.InvariantCulture, $"leader {S(body, "leaderId")}").AppendLine("NAMESPACE        STATE          MOVES  FRACTION  APPROVAL         LAST TRANSITION");
            foreach (var p in body.GetProperty("plans").EnumerateArray())
            {
                var approval = p.GetProperty("requiresApproval").GetBoolean() ? (S(p, "approvedBy") is { Length: > 0 } by ? "approved by " + by : "needed") : "-";
                text.AppendLine(CultureInfo.InvariantCulture, $"{S(p, "namespace"),-16} {S(p, "state"),-14} {N(p, "moves"),5}  {p.GetProperty("movedFraction").GetDouble().ToString("0.0000", CultureInfo.InvariantCulture),8}  {approval,-16} {S(p, "lastTransition")}");
            }

            return text.ToString().TrimEnd();
        }, ct));
        return command;
    }

    private static (Option<Uri> Endpoint, Option<string?> Namespace, Option<bool> Json) Common() =>
        (EndpointOption.Create(), new Option<string?>("--namespace") { Description = "the namespace (meshactors.sharding.namespaces); may be left out when there is one" }, new Option<bool>("--json") { Description = "print the node's JSON as it is" });

    private static async Task<int> RunAsync(ParseResult parse, Option<Uri> endpoint, Func<ControlClient, Task<string>> run, CancellationToken cancellationToken)
    {
        using var client = new ControlClient(parse.GetValue(endpoint)!);
        try
        {
            Console.Out.WriteLine(await run(client));
            return 0;
        }
        catch (ControlException ex)
        {
            Console.Error.WriteLine("error: " + ex.Message);
            return 1;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return 0;
        }
    }

    private static async Task<JsonElement> GetAsync(ControlClient client, string path, CancellationToken cancellationToken)
    {
        var (status, body) = await client.SendJsonAsync(HttpMethod.Get, path, null, cancellationToken);
        return status == 200 ? body : throw new ControlException(ControlClient.ErrorOf(body));
    }

    private static string Query(params (string Name, string? Value)[] parts)
    {
        var given = parts.Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}").ToList();
        return given.Count == 0 ? "" : "?" + string.Join('&', given);
    }

    private static string S(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";

    private static string N(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetRawText() : "";
}
