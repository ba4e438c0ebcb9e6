using MeshActors.Transport;

namespace MeshActors.Discovery.Bootstrap;

/// <summary>What a contact point said to the latest bootstrap probe.</summary>
/// <param name="NodeId">The answering node.</param>
/// <param name="Address">Its advertised address (the address the formation order uses).</param>
/// <param name="Joined">Whether it is a member of a formed cluster.</param>
/// <param name="Seeds">When joined: members to join through, itself first.</param>
/// <param name="Provider">The provider whose contact point reached it.</param>
public sealed record ContactAnswer(string NodeId, NodeAddress Address, bool Joined, IReadOnlyList<NodeAddress> Seeds, string Provider);
