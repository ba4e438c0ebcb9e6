using MeshActors.Actors;
using MeshActors.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MeshActors.Control;

/// <summary>
/// <c>GET /health/live</c>: the process serves HTTP. <c>GET /health/ready</c>: the node is running
/// and its root actor answered within a second; 503 with a reason otherwise.
/// </summary>
internal static class HealthEndpoints
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(1);

    public static void Map(IEndpointRouteBuilder routes, MeshNode node, TimeProvider time)
    {
        routes.MapGet("/health/live", () => Results.Json(new { status = "live", nodeId = node.NodeId, clusterId = node.ClusterId }));
        routes.MapGet("/health/ready", async () =>
        {
            if (!node.IsRunning)
            {
                return NotReady(node, "the node is not running (starting or stopping)");
            }

            if (node.Discovery.GetReport().Bootstrap is { State: not Discovery.BootstrapState.Joined } bootstrap)
            {
                return NotReady(node, $"not in a cluster yet ({bootstrap.State.ToString().ToLowerInvariant()}): {bootstrap.Reason}");
            }

            try
            {
                var status = await node.GetStatusAsync(ReadyTimeout).ConfigureAwait(false);
                return Results.Json(new
                {
                    status = "ready",
                    nodeId = status.NodeId,
                    clusterId = status.ClusterId,
                    state = status.State,
                    startedAt = status.StartedAt,
                    uptimeSeconds = Math.Round((time.GetUtcNow() - status.StartedAt).TotalSeconds, 3),
                });
            }
            catch (AskTimeoutException)
            {
                return NotReady(node, $"the node actor did not answer within {ReadyTimeout.TotalMilliseconds:0} ms");
            }
        });
    }

    private static IResult NotReady(MeshNode node, string reason) =>
        Results.Json(new { status = "not-ready", nodeId = node.NodeId, reason }, statusCode: StatusCodes.Status503ServiceUnavailable);
}
