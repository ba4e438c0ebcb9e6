namespace MeshActors.Configuration;

/// <summary><c>meshactors.node</c>: who this node is and where it keeps state.</summary>
public sealed record NodeOptions
{
    /// <summary>The configured node id; empty means generate once and persist in <see cref="DataDir"/>.</summary>
    public required string Id { get; init; }

    /// <summary>Folder for state that survives restarts, as an absolute path (a relative setting is
    /// resolved against the folder of the file that set it, or else the working directory).</summary>
    public required string DataDir { get; init; }

    /// <summary>What the node tells the cluster about itself.</summary>
    public required NodeMetadataOptions Metadata { get; init; }
}
