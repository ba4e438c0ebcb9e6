namespace MeshActors.Configuration;

/// <summary><c>meshactors.node.metadata</c>: what this node tells the cluster about itself.</summary>
public sealed record NodeMetadataOptions
{
    /// <summary>Akka.Cluster roles.</summary>
    public required IReadOnlyList<string> Roles { get; init; }

    /// <summary>Akka.Cluster app-version; empty means the entry assembly's version.</summary>
    public required string AppVersion { get; init; }

    /// <summary>The region; empty when unknown.</summary>
    public required string Region { get; init; }

    /// <summary>The availability zone; empty when unknown.</summary>
    public required string Zone { get; init; }

    /// <summary>Relative weight for work placement; 100 is an ordinary node.</summary>
    public required uint Capacity { get; init; }

    /// <summary>Free-form labels.</summary>
    public required IReadOnlyDictionary<string, string> Labels { get; init; }
}
