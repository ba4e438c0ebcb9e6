namespace MeshActors.Configuration;

/// <summary><c>meshactors.cluster</c>: which cluster this node belongs to.</summary>
public sealed record ClusterOptions
{
    /// <summary>The cluster id; peers with another id are refused.</summary>
    public required string Id { get; init; }
}
