namespace MeshActors.Configuration;

/// <summary><c>meshactors.membership</c>: the chosen Akka.Cluster profile, resolved to its settings.</summary>
public sealed record MembershipOptions
{
    /// <summary>The chosen profile after any overrides.</summary>
    public required MembershipProfile Profile { get; init; }

    /// <summary>How long a metadata update waits for every member to acknowledge it.</summary>
    public required TimeSpan MetadataWriteTimeout { get; init; }
}
