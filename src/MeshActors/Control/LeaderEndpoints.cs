using System.Text.Json;
using MeshActors.Hosting;
using MeshActors.Leadership.Election;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MeshActors.Control;

/// <summary>
/// <c>GET /control/leaders[?scope=]</c>: every elected scope's leader as this node knows it, as
/// <c>[{scope, leaderId, fencingToken, term, acquiredAt, expiresAt}]</c> (<c>leaderId</c> null while
/// a scope has none). <c>GET /control/events/leadership[?scope=]</c> streams server-sent events:
/// <c>leaders</c> with that list at once, then <c>leadership</c> with each change
/// (<c>{scope, kind, previous, current, observedAt}</c>).
/// </summary>
internal static class LeaderEndpoints
{
    public static void Map(IEndpointRouteBuilder routes, MeshNode node)
    {
        routes.MapGet("/control/leaders", (HttpContext http) =>
            Scope(http.Request, node) is { } scope ? Results.Json(List(node.Leaders.Snapshot, scope)) : UnknownScope(http.Request, node));

        routes.MapGet("/control/events/leadership", async (HttpContext http) =>
        {
            if (Scope(http.Request, node) is not { } scope)
            {
                await UnknownScope(http.Request, node).ExecuteAsync(http).ConfigureAwait(false);
                return;
            }

            http.Response.ContentType = "text/event-stream";
            http.Response.Headers.CacheControl = "no-cache";
            var changes = node.Leaders.WatchAsync(http.RequestAborted);
            try
            {
                await WriteAsync(http, "leaders", List(node.Leaders.Snapshot, scope)).ConfigureAwait(false);
                await foreach (var change in changes.ConfigureAwait(false))
                {
                    if (scope.Length == 0 || change.Scope == scope)
                    {
                        await WriteAsync(http, "leadership", Change(change)).ConfigureAwait(false);
                    }
                }
            }
            catch (OperationCanceledException)
            {
                // The client went away, or the node is stopping.
            }
        });
    }

    /// <summary>One scope's entry (also the shape meshctl reads).</summary>
    internal static object Entry(string scope, LeaderInfo? leader) => new
    {
        scope,
        leaderId = leader?.LeaderId,
        fencingToken = leader?.FencingToken,
        term = leader?.Term,
        acquiredAt = leader?.AcquiredAt,
        expiresAt = leader?.ExpiresAt,
    };

    private static IEnumerable<object> List(LeadershipSnapshot snapshot, string scope) =>
        snapshot.Leaders.Where(kv => scope.Length == 0 || kv.Key == scope).Select(kv => Entry(kv.Key, kv.Value));

    private static object Change(LeadershipChange change) => new
    {
        scope = change.Scope,
        kind = change.Kind,
        previous = change.Previous is null ? null : Entry(change.Scope, change.Previous),
        current = change.Current is null ? null : Entry(change.Scope, change.Current),
        observedAt = change.ObservedAt,
    };

    private static async Task WriteAsync(HttpContext http, string eventType, object data)
    {
        await http.Response.WriteAsync($"event: {eventType}\ndata: {JsonSerializer.Serialize(data)}\n\n", http.RequestAborted).ConfigureAwait(false);
        await http.Response.Body.FlushAsync(http.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>The scope asked for ("" = all); null when it is not elected here.</summary>
    private static string? Scope(HttpRequest request, MeshNode node)
    {
        var scope = request.Query["scope"].ToString();
        return scope.Length == 0 || node.Leaders.Snapshot.Leaders.ContainsKey(scope) ? scope : null;
    }

    private static IResult UnknownScope(HttpRequest request, MeshNode node) => Results.Json(
        new { error = $"scope '{request.Query["scope"]}' is not elected in this cluster; scopes: {string.Join(", ", node.Leaders.Snapshot.Leaders.Keys)} (meshactors.leadership.global and .scopes)" },
        statusCode: StatusCodes.Status404NotFound);
}
