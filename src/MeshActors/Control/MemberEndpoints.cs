using System.Text.Json;
using MeshActors.Hosting;
using MeshActors.Membership;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MeshActors.Control;

/// <summary>
/// <c>GET /control/members</c>: the member list as this node sees it, filtered by
/// <c>?status=alive,suspect</c> and <c>?role=worker</c>. <c>GET /control/members/watch</c> streams the
/// same document as server-sent events: the current list at once, then again after every change.
/// </summary>
internal static class MemberEndpoints
{
    private static readonly string[] Statuses = ["alive", "suspect", "dead", "left"];

    public static void Map(IEndpointRouteBuilder routes, MeshNode node)
    {
        routes.MapGet("/control/members", async (HttpContext http) =>
        {
            if (Filter(http.Request) is not { } filter)
            {
                return BadFilter();
            }

            var snapshot = await node.Membership.GetSnapshotAsync().ConfigureAwait(false);
            return Results.Json(Document(snapshot, filter));
        });

        routes.MapGet("/control/members/watch", async (HttpContext http) =>
        {
            if (Filter(http.Request) is not { } filter)
            {
                await BadFilter().ExecuteAsync(http).ConfigureAwait(false);
                return;
            }

            // End the stream as soon as the host starts stopping: an open request would otherwise
            // hold Kestrel's shutdown, and with it the node's graceful leave, for the whole timeout.
            var stopping = http.RequestServices.GetService<IHostApplicationLifetime>()?.ApplicationStopping ?? CancellationToken.None;
            using var ended = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, stopping);
            http.Response.ContentType = "text/event-stream";
            http.Response.Headers.CacheControl = "no-cache";
            string? lastMembers = null;
            await foreach (var update in node.Membership.WatchAsync(ended.Token).ConfigureAwait(false))
            {
                // A change the filter hides leaves the filtered list as it was: send nothing.
                var members = JsonSerializer.Serialize(update.Snapshot.Members.Where(filter).Select(Row));
                if (members == lastMembers)
                {
                    continue;
                }

                lastMembers = members;
                var json = JsonSerializer.Serialize(Document(update.Snapshot, filter));
                await http.Response.WriteAsync($"event: members\ndata: {json}\n\n", ended.Token).ConfigureAwait(false);
                await http.Response.Body.FlushAsync(ended.Token).ConfigureAwait(false);
            }
        });
    }

    /// <summary>The JSON document for <paramref name="snapshot"/> (also the shape meshctl reads).</summary>
    internal static object Document(MembershipSnapshot snapshot, Func<Member, bool> filter) => new
    {
        version = snapshot.Version,
        self = snapshot.Self,
        members = snapshot.Members.Where(filter).Select(Row),
    };

    private static object Row(Member m) => new
    {
        nodeId = m.NodeId,
        address = m.Address.ToString(),
        status = m.Status.ToString().ToLowerInvariant(),
        incarnation = m.Incarnation,
        role = m.Metadata.Role,
        clusterId = m.Metadata.ClusterId,
        region = m.Metadata.Region,
        zone = m.Metadata.Zone,
        protocolVersion = m.Metadata.ProtocolVersion,
        capacity = m.Metadata.Capacity,
        labels = m.Metadata.Labels,
        lastChange = m.LastChange,
    };

    /// <summary>The filter the query asks for; null when a status is not one of the four.</summary>
    private static Func<Member, bool>? Filter(HttpRequest request)
    {
        var statuses = request.Query["status"].SelectMany(v => (v ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(s => s.ToLowerInvariant()).ToHashSet();
        if (statuses.Any(s => !Statuses.Contains(s)))
        {
            return null;
        }

        var roles = request.Query["role"].Where(r => r is not null).ToHashSet(StringComparer.Ordinal);
        return m => (statuses.Count == 0 || statuses.Contains(m.Status.ToString().ToLowerInvariant())) &&
                    (roles.Count == 0 || roles.Contains(m.Metadata.Role));
    }

    private static IResult BadFilter() => Results.Json(
        new { error = "status must be one or more of alive, suspect, dead, left (e.g. ?status=alive,suspect)" },
        statusCode: StatusCodes.Status400BadRequest);
}
