namespace MeshActors.Hosting;

/// <summary>What the node's root actor reports about the node.</summary>
/// <param name="NodeId">This node's id.</param>
/// <param name="ClusterId">The cluster it belongs to.</param>
/// <param name="State">Its lifecycle state, e.g. <c>Up</c>.</param>
/// <param name="StartedAt">When the root actor started, on the node's clock.</param>
public sealed record NodeStatus(string NodeId, string ClusterId, string State, DateTimeOffset StartedAt);
