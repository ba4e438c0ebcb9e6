using MeshActors.Transport;

namespace MeshActors.Simulation;

/// <summary>Who a <see cref="SimulatedTransport"/> says it is, and its limits.</summary>
public sealed record SimulatedTransportOptions
{
    /// <summary>The address peers reach this node at.</summary>
    public required NodeAddress Address { get; init; }

    /// <summary>This node's id.</summary>
    public required string NodeId { get; init; }

    /// <summary>This node's cluster id.</summary>
    public required string ClusterId { get; init; }

    /// <summary>Protocol versions spoken.</summary>
    public ProtocolRange Versions { get; init; } = ProtocolRange.Supported;

    /// <summary>Largest envelope accepted or sent, in bytes.</summary>
    public int MaxMessageSize { get; init; } = 4 * 1024 * 1024;
}
