namespace MeshActors.Events.Delivery;

/// <summary>The receiver of a gossip lacks the certificate of <paramref name="Source"/>: send it.</summary>
/// <param name="From">The sending node.</param>
/// <param name="Source">The source node id whose certificate is missing.</param>
public sealed record EventCertificateMissing(string From, string Source) : IEventWire;
