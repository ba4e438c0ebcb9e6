using MeshActors.Transport;

namespace MeshActors.Discovery;

/// <summary>What came of a manual introduction (<c>POST /control/peers</c>).</summary>
/// <param name="Address">The introduced address.</param>
/// <param name="NodeId">The node that answered; null if none did.</param>
/// <param name="Reachable">Whether it answered the bootstrap probe.</param>
/// <param name="Joined">Whether it said it is in a cluster.</param>
/// <param name="Refused">Whether its handshake was refused (wrong key, other cluster): it was not kept.</param>
/// <param name="Error">Why it did not answer, or why it was refused.</param>
public sealed record IntroductionResult(NodeAddress Address, string? NodeId, bool Reachable, bool Joined, bool Refused, string? Error);
