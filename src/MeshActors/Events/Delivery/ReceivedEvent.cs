using MeshActors.Events.Envelope;

namespace MeshActors.Events.Delivery;

/// <summary>
/// An event as a subscriber sees it: verified (signature and replay checks passed) and matching
/// one of its patterns. It arrives the same way whether this node or a peer published it.
/// </summary>
/// <param name="Id">The event id.</param>
/// <param name="Topic">The topic it was published on.</param>
/// <param name="Source">The publishing node's id.</param>
/// <param name="Payload">The payload bytes.</param>
/// <param name="PublishedAt">The source's timestamp.</param>
/// <param name="ReceivedAt">When this node admitted it.</param>
/// <param name="Local">True when this node published it.</param>
public sealed record ReceivedEvent(EventId Id, string Topic, string Source, ReadOnlyMemory<byte> Payload, DateTimeOffset PublishedAt, DateTimeOffset ReceivedAt, bool Local);
