namespace MeshActors.Views.Scoring;

/// <summary>The score book after a record, and the ban it caused, if the peer just crossed the threshold.</summary>
/// <param name="Book">The new book.</param>
/// <param name="Ban">The new ban; null when none began.</param>
public sealed record ScoreUpdate(PeerScoreBook Book, PeerBan? Ban);
