namespace MeshActors.Views.Scoring;

/// <summary>A peer's score fell below the prune threshold: prune its link and refuse it until <paramref name="Until"/>.</summary>
/// <param name="NodeId">The banned peer.</param>
/// <param name="Until">When the ban ends.</param>
/// <param name="Bans">Its bans in a row, this one included (the backoff is 2^(Bans−1) × the first).</param>
public sealed record PeerBan(string NodeId, DateTimeOffset Until, int Bans);
