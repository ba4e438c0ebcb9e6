namespace MeshActors.Configuration;

/// <summary>A listener's address: <c>meshactors.control</c> or <c>meshactors.transport</c>.</summary>
public sealed record EndpointOptions
{
    /// <summary>Whether the listener runs.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>Address to bind.</summary>
    public required string Host { get; init; }

    /// <summary>TCP port; 0 picks a free one.</summary>
    public required int Port { get; init; }
}
