using System.Text.Json.Serialization;

namespace MeshActors.Bootstrap;

/// <summary>
/// What <c>GET /bootstrap/seed-nodes</c> answers, in the JSON shape of Akka Management's route
/// (<c>selfNode</c>, <c>seedNodes</c> of <c>node</c>, <c>nodeUid</c>, <c>status</c>, <c>roles</c>),
/// plus this node's MeshActors id and cluster id so a prober can remember and explain it.
/// </summary>
/// <param name="SelfNode">The answering node's Akka address.</param>
/// <param name="SeedNodes">Its cluster's reachable members that are Joining, WeaklyUp or Up (at most
/// <c>max-seed-nodes-to-expose</c>); empty while it is not in a cluster, or is leaving one.</param>
/// <param name="NodeId">The answering node's MeshActors node id.</param>
/// <param name="ClusterId">The cluster id (the ActorSystem's name).</param>
public sealed record SeedNodesResponse(
    [property: JsonPropertyName("selfNode")] string SelfNode,
    [property: JsonPropertyName("seedNodes")] IReadOnlyList<SeedNodeEntry> SeedNodes,
    [property: JsonPropertyName("nodeId")] string? NodeId = null,
    [property: JsonPropertyName("clusterId")] string? ClusterId = null);

/// <summary>One member in <see cref="SeedNodesResponse"/>.</summary>
/// <param name="Node">Its Akka address.</param>
/// <param name="NodeUid">Its Akka uid.</param>
/// <param name="Status">Its Akka member status, e.g. <c>Up</c>.</param>
/// <param name="Roles">Its Akka roles.</param>
public sealed record SeedNodeEntry(
    [property: JsonPropertyName("node")] string Node,
    [property: JsonPropertyName("nodeUid")] long NodeUid,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("roles")] IReadOnlyList<string> Roles);
