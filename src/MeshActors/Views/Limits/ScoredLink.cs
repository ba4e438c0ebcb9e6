namespace MeshActors.Views.Limits;

/// <summary>An active link as <see cref="ConnectionLimit"/> sees it.</summary>
/// <param name="NodeId">The peer.</param>
/// <param name="Score">Its overlay score (<c>Scoring/PeerScoreBook.Score</c>).</param>
/// <param name="ConnectedAt">When the link was established.</param>
public readonly record struct ScoredLink(string NodeId, double Score, DateTimeOffset ConnectedAt);
