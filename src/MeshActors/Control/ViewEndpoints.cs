using MeshActors.Views.Overlay;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MeshActors.Control;

/// <summary>
/// <c>GET /control/views[?view=active|passive]</c>: this node's overlay views as the view manager
/// last published them (<see cref="MeshViews.Current"/>), as
/// <c>{self: {nodeId, address}, active: [{nodeId, address, score, rttMs, since}], passive: [...],
/// banned: [{nodeId, address, until, reason}], limits: {...}, version}</c>. With <c>?view=</c> the
/// other view is an empty list. 503 while the view manager has not started; 400 for another
/// <c>view</c> value.
/// </summary>
internal static class ViewEndpoints
{
    /// <summary>The values <c>?view=</c> takes; absent or empty means both.</summary>
    private static readonly string[] ViewNames = ["active", "passive"];

    public static void Map(IEndpointRouteBuilder routes, MeshViews views)
    {
        routes.MapGet("/control/views", (HttpContext http) =>
        {
            var view = http.Request.Query["view"].ToString();
            if (view.Length > 0 && !ViewNames.Contains(view))
            {
                return Results.Json(
                    new { error = $"query parameter 'view' must be one of {string.Join(", ", ViewNames)} (or absent for both), not '{view}'" },
                    statusCode: StatusCodes.Status400BadRequest);
            }

            return views.Current is { } snapshot
                ? Results.Json(Document(snapshot, view))
                : Results.Json(
                    new { error = "the overlay views are not started yet on this node (the view manager /user/mesh/views has published none); retry in a moment" },
                    statusCode: StatusCodes.Status503ServiceUnavailable);
        });
    }

    /// <summary>The response document (also the shape meshctl reads); <paramref name="view"/> "" keeps both views.</summary>
    internal static object Document(ViewsSnapshot snapshot, string view) => new
    {
        self = new { nodeId = snapshot.Self.NodeId, address = snapshot.Self.Address },
        active = view is "" or "active" ? snapshot.Active.Select(Peer) : [],
        passive = view is "" or "passive" ? snapshot.Passive.Select(Peer) : [],
        banned = snapshot.Banned.Select(b => new { nodeId = b.NodeId, address = b.Address, until = b.Until, reason = b.Reason }),
        limits = new
        {
            activeTarget = snapshot.Limits.ActiveTarget,
            activeLow = snapshot.Limits.ActiveLow,
            activeHigh = snapshot.Limits.ActiveHigh,
            passiveSize = snapshot.Limits.PassiveSize,
            maxPeers = snapshot.Limits.MaxPeers,
            maxPerSubnet = snapshot.Limits.MaxPerSubnet,
            inboundPerSecond = snapshot.Limits.InboundPerSecond,
        },
        version = snapshot.Version,
    };

    private static object Peer(ViewPeer peer) => new
    {
        nodeId = peer.NodeId,
        address = peer.Address,
        score = peer.Score,
        rttMs = peer.RttMs,
        since = peer.Since,
    };
}
