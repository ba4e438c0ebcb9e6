using MeshActors.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MeshActors.Control;

/// <summary>
/// <c>GET /health/live</c>: the process serves HTTP. <c>GET /health/ready</c>: 200 once this node
/// is Up in the cluster (Akka's Up or WeaklyUp); 503 with its status and a reason otherwise
/// (joining, leaving, not yet a member, or removed).
/// </summary>
internal static class HealthEndpoints
{
    public static void Map(IEndpointRouteBuilder routes, MeshNode node)
    {
        routes.MapGet("/health/live", () => Results.Json(new { status = "live", nodeId = node.NodeId, clusterId = node.ClusterId }));
        routes.MapGet("/health/ready", () =>
        {
            var self = node.Membership.Snapshot.SelfMember;
            if (node.Membership.IsSelfUp)
            {
                return Results.Json(new { status = "ready", nodeId = node.NodeId, clusterId = node.ClusterId, address = self!.Address, memberStatus = self.Status });
            }

            var reason = self is null ? "not a member of the cluster yet (joining through the seed nodes)" : $"member status is {self.Status}, not up";
            return Results.Json(new { status = "not-ready", nodeId = node.NodeId, clusterId = node.ClusterId, memberStatus = self?.Status, reason }, statusCode: StatusCodes.Status503ServiceUnavailable);
        });
    }
}
