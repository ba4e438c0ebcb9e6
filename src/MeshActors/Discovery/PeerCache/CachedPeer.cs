using MeshActors.Discovery;

namespace MeshActors.Discovery.PeerCache;

/// <summary>A peer remembered in the peer cache.</summary>
/// <param name="NodeId">Its node id.</param>
/// <param name="Address">Its last known mesh transport address.</param>
/// <param name="LastSeen">When it was last seen alive.</param>
/// <param name="Successes">How many times it was accepted (seen joining or alive).</param>
/// <param name="Failures">Failures since it was last seen alive (declared dead).</param>
public sealed record CachedPeer(string NodeId, NodeAddress Address, DateTimeOffset LastSeen, int Successes, int Failures)
{
    /// <summary>The peer's score at <paramref name="now"/> (<see cref="PeerScore"/>); higher is dialled first.</summary>
    public double ScoreAt(DateTimeOffset now, TimeSpan forgetAfter) => PeerScore.Of(Successes, Failures, now - LastSeen, forgetAfter);
}
