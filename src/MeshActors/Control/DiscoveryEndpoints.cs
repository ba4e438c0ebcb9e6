using System.Text.Json;
using MeshActors.Discovery;
using MeshActors.Hosting;
using MeshActors.Transport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MeshActors.Control;

/// <summary>
/// <c>GET /control/discovery</c>: discovery health — every provider (enabled, last and next run,
/// targets found, last error) and the bootstrap (state, reason, contact points, the decision).
/// <c>POST /control/peers</c> introduces a peer by hand (<c>{"address": "host:port",
/// "fingerprint": "sha256:…"}</c>); <c>DELETE /control/peers/{nodeId or address}</c> forgets one.
/// </summary>
internal static class DiscoveryEndpoints
{
    public static void Map(IEndpointRouteBuilder routes, MeshNode node)
    {
        routes.MapGet("/control/discovery", () => Results.Json(DiscoveryDocument.Of(node.Discovery.GetReport())));

        routes.MapPost("/control/peers", async (HttpContext http) =>
        {
            Introduction? body;
            try
            {
                body = await JsonSerializer.DeserializeAsync<Introduction>(http.Request.Body, DiscoveryDocument.Json, http.RequestAborted).ConfigureAwait(false);
            }
            catch (JsonException ex)
            {
                return Error(StatusCodes.Status400BadRequest, $"the body is not JSON like {{\"address\": \"10.0.0.1:7946\", \"fingerprint\": \"sha256:…\"}}: {ex.Message}");
            }

            if (!NodeAddress.TryParse(body?.Address, out var address, out var problem))
            {
                return Error(StatusCodes.Status400BadRequest, "address: " + problem);
            }

            IntroductionResult result;
            try
            {
                result = await node.Discovery.IntroduceAsync(address, string.IsNullOrWhiteSpace(body!.Fingerprint) ? null : body.Fingerprint.Trim(), http.RequestAborted).ConfigureAwait(false);
            }
            catch (FormatException ex)
            {
                return Error(StatusCodes.Status400BadRequest, "fingerprint: " + ex.Message);
            }
            catch (NotSupportedException ex)
            {
                return Error(StatusCodes.Status400BadRequest, "fingerprint: " + ex.Message);
            }

            var status = result.Refused ? StatusCodes.Status409Conflict : result.Reachable ? StatusCodes.Status200OK : StatusCodes.Status202Accepted;
            return Results.Json(DiscoveryDocument.Of(result), DiscoveryDocument.Json, statusCode: status);
        });

        routes.MapDelete("/control/peers/{key}", async (string key) =>
            await node.Discovery.ForgetAsync(Uri.UnescapeDataString(key)).ConfigureAwait(false)
                ? Results.Json(new { forgotten = key })
                : Error(StatusCodes.Status404NotFound, $"no manually introduced or cached peer has node id or address \"{key}\""));
    }

    private static IResult Error(int status, string message) => Results.Json(new { error = message }, statusCode: status);

    private sealed record Introduction(string? Address, string? Fingerprint);
}
