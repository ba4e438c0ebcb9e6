using System.Text.Json;
using Akka.Cluster;
using MeshActors.Bootstrap;
using MeshActors.Discovery;
using MeshActors.Discovery.Coordination;
using MeshActors.Hosting;
using MeshActors.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MeshActors.Control;

/// <summary>
/// <c>GET /control/discovery</c>: every provider's health, and the bootstrap's mode, phase and
/// contact points (what each answered; whether it is a member of this node's cluster now);
/// <c>GET /control/discovery/explain</c>: why this node is in the cluster it is in, through which
/// contact points, providers and records; <c>GET|POST /control/peers</c> and
/// <c>DELETE /control/peers/{address}</c>: manual introductions (the static tier's <c>manual</c>
/// provider), with an optional check of the peer's TLS key before it is accepted.
/// Both documents are built from one <see cref="BootstrapStatus"/> snapshot, so they never disagree.
/// </summary>
internal static class DiscoveryEndpoints
{
    private static readonly TimeSpan HealthTimeout = TimeSpan.FromSeconds(3);

    public static void Map(IEndpointRouteBuilder routes, MeshNode node)
    {
        routes.MapGet("/control/discovery", async () =>
        {
            var (snapshot, members, contacts) = await ReadAsync(node).ConfigureAwait(false);
            IReadOnlyList<ProviderHealth> health = node.System is null ? [] : await MeshDiscovery.Get(node.System).HealthAsync(HealthTimeout).ConfigureAwait(false);
            return Results.Json(new
            {
                mode = ModeName(snapshot.Mode),
                phase = snapshot.Phase,
                outcome = snapshot.Decision?.Outcome,
                selfContactPoint = snapshot.SelfContactPoint?.ToString(),
                lastLookup = snapshot.LastLookup is { } l ? new { at = l.At, count = l.Count } : null,
                lastLookupError = snapshot.LastLookupError,
                providers = health.Select(h => new
                {
                    name = h.Name,
                    tier = h.Tier.ToString().ToLowerInvariant(),
                    enabled = h.Enabled,
                    state = h.State.ToString().ToLowerInvariant(),
                    runs = h.Runs,
                    failures = h.Failures,
                    consecutiveFailures = h.ConsecutiveFailures,
                    lastSuccess = h.LastSuccess,
                    nextRun = h.NextRun,
                    lastError = h.LastError,
                    targets = h.Targets.Select(t => new { address = t.Address.ToString(), source = t.Source }),
                }),
                contactPoints = snapshot.ContactPoints.Values.OrderBy(c => c.Endpoint, StringComparer.Ordinal).Select(c => Contact(c, members, contacts)),
                foreignClusters = snapshot.Foreign.Values.Select(f => new { contactPoint = f.ContactPoint, selfNode = f.SelfNode, members = f.Members, seenAt = f.SeenAt }),
                lastSplitCheck = snapshot.LastSplitCheck,
            });
        });

        routes.MapGet("/control/discovery/explain", async () =>
        {
            var (snapshot, members, contacts) = await ReadAsync(node).ConfigureAwait(false);
            if (snapshot.Decision is not { } d)
            {
                return Results.Json(new { outcome = (string?)null, phase = snapshot.Phase, mode = ModeName(snapshot.Mode), reason = $"no join decision yet ({snapshot.Phase}); see GET /control/discovery for the contact points and what they answered" });
            }

            return Results.Json(new
            {
                outcome = d.Outcome,
                mode = ModeName(snapshot.Mode),
                at = d.At,
                selfNode = d.SelfNode,
                seedNodes = d.SeedNodes,
                reason = d.Reason,
                via = d.Via.Select(c => Contact(c, members, contacts)),
            });
        });

        routes.MapGet("/control/peers", () => node.System is null
            ? Results.Json(new { peers = Array.Empty<object>() })
            : Results.Json(new { peers = MeshDiscovery.Get(node.System).Manual.Select(p => new { address = p.Address.ToString(), fingerprint = p.Fingerprint }) }));

        routes.MapPost("/control/peers", async (HttpContext http) =>
        {
            PeerRequest? request;
            try
            {
                request = await http.Request.ReadFromJsonAsync<PeerRequest>(http.RequestAborted).ConfigureAwait(false);
            }
            catch (JsonException ex)
            {
                return Error(400, $"the body is not JSON {{\"address\": \"host:port\", \"fingerprint\": \"sha256:…\"}}: {ex.Message}");
            }

            if (!NodeAddress.TryParse(request?.Address, out var address, out var problem))
            {
                return Error(400, "address: " + problem + " (the peer's bootstrap endpoint, meshactors.bootstrap.port)");
            }

            if (request!.Fingerprint is { Length: > 0 } expected && !PublicKeyFingerprint.IsValid(expected))
            {
                return Error(400, $"fingerprint: \"{expected}\" is not sha256: followed by 64 hex digits, as `meshctl cert issue` prints");
            }

            if (node.System is null)
            {
                return Error(503, "the node has not started yet");
            }

            string? seen = null;
            if (request.Fingerprint is { Length: > 0 } want)
            {
                using var client = new BootstrapClient(node.Tls, TimeSpan.FromSeconds(5));
                try
                {
                    seen = await client.PeerFingerprintAsync(address.Host, address.Port, TimeSpan.FromSeconds(5), http.RequestAborted).ConfigureAwait(false);
                }
                catch (BootstrapProbeException ex)
                {
                    return Error(502, $"cannot check the key of {address}: {ex.Message}");
                }

                if (!string.Equals(seen, want, StringComparison.OrdinalIgnoreCase))
                {
                    return Results.Json(new { error = $"{address} presents another key than the one given; not introduced", expected = want, actual = seen }, statusCode: 409);
                }
            }

            MeshDiscovery.Get(node.System).AddManual(new ContactPoint(address, "manual") { Fingerprint = seen, Source = "meshctl peers add " + address.ToString() + (seen is null ? "" : " (key checked)") });
            var snapshot = node.Bootstrap.Current;
            return Results.Json(new
            {
                added = address.ToString(),
                fingerprint = seen,
                mode = ModeName(snapshot.Mode),
                phase = snapshot.Phase,
                note = snapshot.Decision is null && snapshot.Mode == JoinMode.ClusterBootstrap
                    ? "Cluster Bootstrap probes it at its next discovery round"
                    : snapshot.Decision is null ? "kept for the next start (this node is not bootstrapping)" : $"this node has already {snapshot.Decision.Outcome} a cluster; the introduction serves the split check and the next start",
            });
        });

        routes.MapDelete("/control/peers/{address}", (string address) =>
        {
            if (!NodeAddress.TryParse(Uri.UnescapeDataString(address), out var parsed, out var problem))
            {
                return Error(400, "address: " + problem);
            }

            return node.System is not null && MeshDiscovery.Get(node.System).RemoveManual(parsed)
                ? Results.Json(new { removed = parsed.ToString() })
                : Error(404, $"{parsed} was not introduced (GET /control/peers lists the introductions)");
        });
    }

    private static async Task<(BootstrapStatus.Snapshot Snapshot, HashSet<string> Members, IReadOnlyList<MergedContact> Contacts)> ReadAsync(MeshNode node)
    {
        var snapshot = node.Bootstrap.Current;
        if (node.System is null)
        {
            return (snapshot, [], []);
        }

        var members = Cluster.Get(node.System).State.Members.Where(m => m.Status is MemberStatus.Up or MemberStatus.WeaklyUp or MemberStatus.Joining or MemberStatus.Leaving)
            .Select(m => m.Address.ToString()).ToHashSet(StringComparer.Ordinal);
        var contacts = await MeshDiscovery.Get(node.System).ContactsAsync(HealthTimeout).ConfigureAwait(false);
        return (snapshot, members, contacts);
    }

    private static object Contact(ContactPointState c, HashSet<string> members, IReadOnlyList<MergedContact> contacts)
    {
        var found = contacts.FirstOrDefault(m => m.Address.Port == c.Port && (m.Address.Host == c.Host || m.Point.HostName == c.HostName && c.HostName is not null));
        return new
        {
            endpoint = c.Endpoint,
            hostName = c.HostName,
            provider = found?.Provider,
            source = found?.Point.Source,
            probedAt = c.ProbedAt,
            answered = c.SelfNode is not null,
            selfNode = c.SelfNode,
            nodeId = c.NodeId,
            inCluster = c.SelfNode is not null && members.Contains(c.SelfNode),
            seedNodes = c.SeedNodes,
            error = c.Error,
        };
    }

    private static string ModeName(JoinMode mode) => mode switch
    {
        JoinMode.SeedNodes => "seed-nodes",
        JoinMode.SingleNode => "single-node",
        JoinMode.ClusterBootstrap => "cluster-bootstrap",
        _ => "pending",
    };

    private static IResult Error(int status, string message) => Results.Json(new { error = message }, statusCode: status);

    private sealed record PeerRequest(string? Address, string? Fingerprint);
}
