using MeshActors.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MeshActors.Control;

/// <summary><c>GET /control/connections</c>: every open mesh connection, both directions.</summary>
internal static class ConnectionEndpoints
{
    public static void Map(IEndpointRouteBuilder routes, MeshNode node) =>
        routes.MapGet("/control/connections", () => Results.Json(new
        {
            nodeId = node.NodeId,
            transport = node.Transport?.LocalAddress.ToString(),
            tls = node.Config.Options.Transport.Tls.Enabled ? "mutual" : "insecure",
            connections = node.Transport?.Connections.Snapshot() ?? [],
        }));
}
