using MeshActors.Transport;

namespace MeshActors.Discovery;

/// <summary>One contact point as the bootstrap sees it.</summary>
/// <param name="Address">Where it was dialled.</param>
/// <param name="Provider">The provider it came from (the lowest tier's, when several found it).</param>
/// <param name="NodeId">The node that answered; null until one did.</param>
/// <param name="Joined">Whether it said it is in a cluster.</param>
/// <param name="Self">Whether it turned out to be this node.</param>
/// <param name="Failures">Consecutive failed probes.</param>
/// <param name="LastError">Why the last probe failed; null if it answered.</param>
/// <param name="NextDial">When it is dialled next.</param>
public sealed record ContactStatus(NodeAddress Address, string Provider, string? NodeId, bool Joined, bool Self, int Failures, string? LastError, DateTimeOffset NextDial);
