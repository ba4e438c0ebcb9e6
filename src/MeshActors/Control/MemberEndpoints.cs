using System.Text.Json;
using MeshActors.Hosting;
using MeshActors.Membership;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MeshActors.Control;

/// <summary>
/// <c>GET /control/members</c>: the member list as this node sees it, filtered by
/// <c>?status=up,leaving</c> and <c>?role=worker</c>. <c>GET /control/members/watch</c> streams the
/// same document as server-sent events: the current list at once, then again after every change.
/// <c>PUT /control/members/self/labels</c> with <c>{"labels":{"k":"v"}}</c> replaces this node's labels.
/// </summary>
internal static class MemberEndpoints
{
    public static void Map(IEndpointRouteBuilder routes, MeshNode node)
    {
        routes.MapGet("/control/members", (HttpContext http) =>
            Filter(http.Request) is { } filter ? Results.Json(Document(node.Membership.Snapshot, filter)) : BadFilter());

        routes.MapGet("/control/members/watch", async (HttpContext http) =>
        {
            if (Filter(http.Request) is not { } filter)
            {
                await BadFilter().ExecuteAsync(http).ConfigureAwait(false);
                return;
            }

            http.Response.ContentType = "text/event-stream";
            http.Response.Headers.CacheControl = "no-cache";
            var changes = node.Membership.WatchAsync(http.RequestAborted).GetAsyncEnumerator(http.RequestAborted);
            try
            {
                string? last = null;
                var snapshot = node.Membership.Snapshot;
                while (true)
                {
                    // A change the filter hides leaves the filtered list as it was: send nothing.
                    var json = JsonSerializer.Serialize(Document(snapshot with { Version = 0 }, filter));
                    if (json != last)
                    {
                        last = json;
                        await http.Response.WriteAsync($"event: members\ndata: {JsonSerializer.Serialize(Document(snapshot, filter))}\n\n", http.RequestAborted).ConfigureAwait(false);
                        await http.Response.Body.FlushAsync(http.RequestAborted).ConfigureAwait(false);
                    }

                    if (!await changes.MoveNextAsync().ConfigureAwait(false))
                    {
                        return;
                    }

                    snapshot = node.Membership.Snapshot;
                }
            }
            catch (OperationCanceledException)
            {
                // The client went away, or the node is stopping.
            }
            finally
            {
                await changes.DisposeAsync().ConfigureAwait(false);
            }
        });

        routes.MapPut("/control/members/self/labels", async (HttpContext http) =>
        {
            var (labels, error) = await LabelsRequest.ReadAsync(http.Request).ConfigureAwait(false);
            if (labels is null)
            {
                return Results.Json(new { error }, statusCode: StatusCodes.Status400BadRequest);
            }

            var timeout = node.Config.Options.Membership.MetadataWriteTimeout;
            var all = await node.Membership.UpdateLabelsAsync(labels, timeout + TimeSpan.FromSeconds(2)).ConfigureAwait(false);
            return Results.Json(new { labels, acknowledgedByAll = all });
        });
    }

    /// <summary>The JSON document for <paramref name="snapshot"/> (also the shape meshctl reads).</summary>
    internal static object Document(MembershipSnapshot snapshot, Func<MemberView, bool> filter) => new
    {
        version = snapshot.Version,
        self = snapshot.Self,
        members = snapshot.Members.Where(filter).Select(m => new
        {
            nodeId = m.NodeId,
            address = m.Address,
            status = m.Status,
            reachable = m.Reachable,
            roles = m.Roles,
            appVersion = m.AppVersion,
            metadata = m.Metadata is null ? null : new { region = m.Metadata.Region, zone = m.Metadata.Zone, capacity = m.Metadata.Capacity, labels = m.Metadata.Labels },
        }),
    };

    /// <summary>The filter the query asks for; null when a status is not one of Akka's.</summary>
    private static Func<MemberView, bool>? Filter(HttpRequest request)
    {
        var statuses = request.Query["status"].SelectMany(v => (v ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(s => s.ToLowerInvariant()).ToHashSet();
        if (statuses.Any(s => !MembershipState.StatusNames.Contains(s)))
        {
            return null;
        }

        var roles = request.Query["role"].Where(r => r is not null).ToHashSet(StringComparer.Ordinal);
        return m => (statuses.Count == 0 || statuses.Contains(m.Status)) && (roles.Count == 0 || m.Roles.Any(roles.Contains));
    }

    private static IResult BadFilter() => Results.Json(
        new { error = "status must be one or more of " + string.Join(", ", MembershipState.StatusNames) + " (e.g. ?status=up,leaving)" },
        statusCode: StatusCodes.Status400BadRequest);
}
