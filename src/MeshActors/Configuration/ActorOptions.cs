using MeshActors.Actors;

namespace MeshActors.Configuration;

/// <summary><c>meshactors.actors</c>: how the actor kernel schedules and supervises.</summary>
public sealed record ActorOptions
{
    /// <summary>Messages an actor handles before yielding its thread.</summary>
    public required int Throughput { get; init; }

    /// <summary>The default restart policy for failing actors.</summary>
    public required SupervisionStrategy Supervision { get; init; }
}
