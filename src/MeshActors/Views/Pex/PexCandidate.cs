namespace MeshActors.Views.Pex;

/// <summary>A peer this node could offer in a peer-exchange answer.</summary>
/// <param name="NodeId">Its node id.</param>
/// <param name="Address">Its Akka address.</param>
/// <param name="LastSeen">When this node last heard from it.</param>
/// <param name="Score">Its overlay score here.</param>
/// <param name="Proven">Whether it has been an authenticated link of this node (its certificate named this cluster).
/// Only proven peers are offered, so a node never passes on an address it merely heard of.</param>
public readonly record struct PexCandidate(string NodeId, string Address, DateTimeOffset LastSeen, double Score, bool Proven);
