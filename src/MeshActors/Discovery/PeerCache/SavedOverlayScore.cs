namespace MeshActors.Discovery.PeerCache;

/// <summary>A peer's overlay score as the peer cache saved it, to put back with <c>PeerScoreBook.Restore</c>.</summary>
/// <param name="NodeId">The peer.</param>
/// <param name="Score">Its base score (without the latency penalty, which is measured afresh).</param>
/// <param name="BannedUntil">When its ban ends; null when it was not banned.</param>
public sealed record SavedOverlayScore(string NodeId, double Score, DateTimeOffset? BannedUntil);
