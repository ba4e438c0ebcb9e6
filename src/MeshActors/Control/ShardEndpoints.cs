using System.Text.Json;
using Akka.Actor;
using MeshActors.Hosting;
using MeshActors.Sharding.Ownership;
using MeshActors.Sharding.Table;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using static MeshActors.Sharding.Ownership.ShardTableKeeperProtocol;

namespace MeshActors.Control;

/// <summary>
/// The shard tables as this node holds them, and the operator's levers on them:
/// <c>GET /control/shards?namespace=&amp;owner=&amp;page=&amp;page-size=</c> (with an ETag of version and
/// checksum, and 304 on <c>If-None-Match</c>), <c>GET /control/shards/owner?namespace=&amp;key=</c>,
/// <c>GET /control/shards/diff?namespace=&amp;from=&amp;to=</c> (the history from the store),
/// <c>GET /control/shards/watch?namespace=</c> (server-sent events), <c>POST /control/shards/drain</c>
/// <c>{"node": "n3", "cordon": true}</c>, and the leader's rebalance plans at
/// <c>GET|POST /control/rebalance-plans</c> (<c>{"namespace": "orders", "dryRun": true}</c> previews
/// the moves here; without <c>dryRun</c> it approves the leader's plan).
/// </summary>
internal static class ShardEndpoints
{
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(8);

    public static void Map(IEndpointRouteBuilder routes, MeshNode node)
    {
        routes.MapGet("/control/shards", (HttpContext http) =>
        {
            if (Namespace(http.Request, node, out var error) is not { } table)
            {
                return error!;
            }

            var etag = $"\"{table.Namespace}-{table.Version}-{table.Checksum[..16]}\"";
            http.Response.Headers.ETag = etag;
            if (http.Request.Headers.IfNoneMatch.ToString() == etag)
            {
                return Results.StatusCode(StatusCodes.Status304NotModified);
            }

            var owner = http.Request.Query["owner"].ToString();
            if (!Int(http.Request, "page", 1, out var page) || !Int(http.Request, "page-size", 1000, out var size) || page < 1 || size is < 1 or > 10_000)
            {
                return Bad("page must be 1 or more and page-size 1 to 10000 (e.g. ?page=2&page-size=500)");
            }

            var rows = table.Entries().Select((e, shard) => (shard, e)).Where(r => owner.Length == 0 || r.e.Owner == owner).ToList();
            return Results.Json(new
            {
                @namespace = table.Namespace, version = table.Version, checksum = table.Checksum, fencingToken = table.FencingToken, writtenAt = table.WrittenAt,
                shardCount = table.ShardCount, loads = table.Loads(), page, pageSize = size, total = rows.Count,
                shards = rows.Skip((page - 1) * size).Take(size).Select(r => new { shard = r.shard, owner = r.e.Owner, state = Word(r.e.State) }),
            });
        });

        routes.MapGet("/control/shards/owner", (HttpContext http) =>
        {
            var key = http.Request.Query["key"].ToString();
            if (Namespace(http.Request, node, out var error) is not { } table)
            {
                return error!;
            }

            if (key.Length == 0)
            {
                return Bad("give the key: ?key=customer-42");
            }

            var shard = table.ShardOf(key);
            return Results.Json(new { @namespace = table.Namespace, key, shard, owner = table.OwnerOf(shard), state = Word(table.StateOf(shard)), version = table.Version });
        });

        routes.MapGet("/control/shards/diff", async (HttpContext http) =>
        {
            if (Namespace(http.Request, node, out var error) is not { } table)
            {
                return error!;
            }

            if (!Int(http.Request, "from", 0, out var from) || !Int(http.Request, "to", (int)table.Version, out var to) || from < 0 || to < from)
            {
                return Bad("from and to are versions with 0 <= from <= to (e.g. ?from=3&to=7)");
            }

            var history = await node.ShardingRuntime!.Store!.HistoryAsync(table.Namespace, from, to, http.RequestAborted).ConfigureAwait(false);
            return Results.Json(history.Select(Diff));
        });

        routes.MapGet("/control/shards/watch", async (HttpContext http) =>
        {
            if (Namespace(http.Request, node, out var error) is not { } table)
            {
                await error!.ExecuteAsync(http).ConfigureAwait(false);
                return;
            }

            http.Response.ContentType = "text/event-stream";
            http.Response.Headers.CacheControl = "no-cache";
            var updates = node.Shards.WatchAsync(http.RequestAborted);
            try
            {
                await WriteAsync(http, "table", Summary(node.Shards.Table(table.Namespace))).ConfigureAwait(false);
                await foreach (var update in updates.ConfigureAwait(false))
                {
                    if (update.Table.Namespace == table.Namespace)
                    {
                        await WriteAsync(http, "update", new { table = Summary(update.Table), previousVersion = update.PreviousVersion, diff = update.Diff is null ? null : Diff(update.Diff) }).ConfigureAwait(false);
                    }
                }
            }
            catch (OperationCanceledException)
            {
                // The client went away, or the node is stopping.
            }
        });

        routes.MapPost("/control/shards/drain", async (HttpContext http) =>
        {
            var (body, bad) = await ReadAsync(http.Request).ConfigureAwait(false);
            if (bad is not null)
            {
                return bad;
            }

            if (!body.TryGetProperty("node", out var n) || n.ValueKind != JsonValueKind.String || n.GetString() is not { Length: > 0 } target)
            {
                return Bad("field 'node' must name a node id, e.g. {\"node\": \"node-3\", \"cordon\": true}");
            }

            var cordon = !body.TryGetProperty("cordon", out var c) || c.ValueKind != JsonValueKind.False;
            var answer = await AskAsync(node, target, new SetCordon(cordon)).ConfigureAwait(false);
            return answer is CordonSet set ? Results.Json(new { node = set.NodeId, cordoned = set.Cordoned, acknowledgedByAll = set.AcknowledgedByAll }) : Refusal(answer);
        });

        routes.MapGet("/control/rebalance-plans", async () =>
            await AskLeaderAsync(node, new GetPlans()).ConfigureAwait(false) is var answer && answer is PlansView view ? Results.Json(view) : Refusal(answer));

        routes.MapPost("/control/rebalance-plans", async (HttpContext http) =>
        {
            var (body, bad) = await ReadAsync(http.Request).ConfigureAwait(false);
            if (bad is not null)
            {
                return bad;
            }

            var name = body.TryGetProperty("namespace", out var ns) && ns.ValueKind == JsonValueKind.String ? ns.GetString()! : "";
            if (!node.Shards.Tables.TryGetValue(name, out var table))
            {
                return Bad($"field 'namespace' must be one of: {string.Join(", ", node.Shards.Tables.Keys)}");
            }

            if (body.TryGetProperty("dryRun", out var dry) && dry.ValueKind == JsonValueKind.True)
            {
                var options = node.Config.Options.Sharding.Namespaces.Single(n => n.Namespace.Name == name);
                var planner = new ShardPlanner(options.Namespace, options.Strategy, new RebalanceGuardrails(node.Config.Options.Sharding.MaxParallelMoves, node.Config.Options.Sharding.Cooldown));
                var membership = ShardMembers.From(node.Membership.Snapshot, new Dictionary<string, DateTimeOffset>(), node.Time.GetUtcNow(), node.Config.Options.Sharding.UnreachableAfter);
                var preview = planner.DryRun(table, membership);
                return Results.Json(new
                {
                    @namespace = name, dryRun = true, version = table.Version, movedFraction = preview.MovedFraction, drainingShards = preview.DrainingShards, parkedShards = preview.ParkedShards,
                    moves = preview.Moves.Select(m => new { shard = m.Shard, from = m.FromOwner, to = m.ToOwner }),
                });
            }

            var by = body.TryGetProperty("approvedBy", out var a) && a.ValueKind == JsonValueKind.String ? a.GetString()! : "control-plane";
            var answer = await AskLeaderAsync(node, new Approve(name, by)).ConfigureAwait(false);
            return answer is PlansView view ? Results.Json(view) : Refusal(answer);
        });
    }

    private static ShardTable? Namespace(HttpRequest request, MeshNode node, out IResult? error)
    {
        error = null;
        var tables = node.Shards.Tables;
        var name = request.Query["namespace"].ToString();
        if (tables.Count == 0)
        {
            error = Results.Json(new { error = "no shard namespaces are configured (meshactors.sharding.namespaces)" }, statusCode: StatusCodes.Status404NotFound);
            return null;
        }

        if (name.Length == 0 && tables.Count == 1)
        {
            return tables.Values.Single();
        }

        if (tables.TryGetValue(name, out var table))
        {
            return table;
        }

        error = Results.Json(new { error = $"{(name.Length == 0 ? "give ?namespace=" : $"namespace '{name}' is not configured")}; namespaces: {string.Join(", ", tables.Keys)}" }, statusCode: StatusCodes.Status404NotFound);
        return null;
    }

    private static object Summary(ShardTable t) => new { @namespace = t.Namespace, version = t.Version, checksum = t.Checksum, fencingToken = t.FencingToken, writtenAt = t.WrittenAt, loads = t.Loads() };

    private static object Diff(ShardTableDiff d) => new
    {
        fromVersion = d.FromVersion, toVersion = d.ToVersion, fencingToken = d.FencingToken, author = d.Author, at = d.At, reason = d.Reason, movedShards = d.MovedShards,
        moves = d.Moves.Select(m => new { shard = m.Shard, fromOwner = m.FromOwner, toOwner = m.ToOwner, fromState = Word(m.FromState), toState = Word(m.ToState) }),
    };

    private static string Word(ShardState state) => state.ToString().ToLowerInvariant();

    /// <summary>Asks the shard-table keeper of node <paramref name="nodeId"/> (this one, or a member by its Akka address).</summary>
    private static async Task<object> AskAsync(MeshNode node, string nodeId, object message)
    {
        if (node.ShardingRuntime?.Keeper is not { } local || local.IsNobody())
        {
            return new Refused("no shard namespaces are configured (meshactors.sharding.namespaces)");
        }

        if (nodeId == node.NodeId)
        {
            return await local.Ask<object>(message, AskTimeout).ConfigureAwait(false);
        }

        var member = node.Membership.Snapshot.Members.FirstOrDefault(m => m.NodeId == nodeId);
        if (member is null)
        {
            return new Refused($"node '{nodeId}' is not a member; members: {string.Join(", ", node.Membership.Snapshot.Members.Select(m => m.NodeId))}");
        }

        try
        {
            return await node.System!.ActorSelection($"{member.Address}/user/mesh/shards").Ask<object>(message, AskTimeout).ConfigureAwait(false);
        }
        catch (AskTimeoutException)
        {
            return new Refused($"node '{nodeId}' did not answer within {AskTimeout.TotalSeconds:0} s");
        }
    }

    private static Task<object> AskLeaderAsync(MeshNode node, object message) =>
        node.Leaders.LeaderOf(node.Config.Options.Sharding.LeaderScope) is { } leader
            ? AskAsync(node, leader.LeaderId, message)
            : Task.FromResult<object>(new Refused($"{node.Config.Options.Sharding.LeaderScope} has no leader at the moment; try again in a few seconds"));

    private static IResult Refusal(object answer) =>
        Results.Json(new { error = answer is Refused r ? r.Reason : $"unexpected answer {answer}" }, statusCode: StatusCodes.Status409Conflict);

    private static IResult Bad(string error) => Results.Json(new { error }, statusCode: StatusCodes.Status400BadRequest);

    private static bool Int(HttpRequest request, string name, int fallback, out int value)
    {
        var text = request.Query[name].ToString();
        value = fallback;
        return text.Length == 0 || int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out value);
    }

    private static async Task<(JsonElement Body, IResult? Error)> ReadAsync(HttpRequest request)
    {
        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted).ConfigureAwait(false);
            return document.RootElement.ValueKind == JsonValueKind.Object ? (document.RootElement.Clone(), null) : (default, Bad("the body must be a JSON object"));
        }
        catch (JsonException e)
        {
            return (default, Bad($"the body is not JSON ({e.Message})"));
        }
    }

    private static async Task WriteAsync(HttpContext http, string eventType, object data)
    {
        await http.Response.WriteAsync($"event: {eventType}\ndata: {JsonSerializer.Serialize(data)}\n\n", http.RequestAborted).ConfigureAwait(false);
        await http.Response.Body.FlushAsync(http.RequestAborted).ConfigureAwait(false);
    }
}
