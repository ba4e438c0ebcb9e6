using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MeshActors.Simulation;

/// <summary>How a simulation runs and what it records.</summary>
public sealed record SimulationOptions
{
    /// <summary>Where the nodes' actors log; silent by default.</summary>
    public ILoggerFactory LoggerFactory { get; init; } = NullLoggerFactory.Instance;

    /// <summary>The profile of every link unless set per link.</summary>
    public LinkProfile DefaultLink { get; init; } = LinkProfile.Lan;

    /// <summary>Whether the trace hash includes each delivered message's text
    /// (<see cref="object.ToString"/>), not just its time, sender, receiver and type. Stronger, slower.</summary>
    public bool TraceMessageText { get; init; } = true;

    /// <summary>Messages an actor handles before yielding, as in production.</summary>
    public int ActorThroughput { get; init; } = 32;
}
