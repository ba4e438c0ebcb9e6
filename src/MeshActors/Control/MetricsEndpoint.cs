using MeshActors.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MeshActors.Control;

/// <summary><c>GET /metrics</c>: the node's metrics in Prometheus text format, written by prometheus-net.</summary>
internal static class MetricsEndpoint
{
    public static void Map(IEndpointRouteBuilder routes, MeshNode node) =>
        routes.MapGet("/metrics", async (HttpContext http) =>
        {
            http.Response.ContentType = "text/plain; version=0.0.4; charset=utf-8";
            await node.Metrics.Registry.CollectAndExportAsTextAsync(http.Response.Body, http.RequestAborted).ConfigureAwait(false);
        });
}
