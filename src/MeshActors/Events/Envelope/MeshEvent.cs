namespace MeshActors.Events.Envelope;

/// <summary>
/// One signed, published event as it travels between nodes. The layout on the wire and what the
/// signature covers are in <see cref="MeshEventCodec"/> and this folder's README. Record equality
/// compares <see cref="Payload"/> and <see cref="Signature"/> as memory references, not contents;
/// compare encodings to compare contents.
/// </summary>
/// <param name="Id">The event's random 128-bit id; duplicate suppression keys on it.</param>
/// <param name="Source">The node id of the publisher, whose certificate key signed the event.</param>
/// <param name="Incarnation">Which run of the source node published it: grows every time the node
/// starts (e.g. its start time in Unix milliseconds), so sequence numbers may restart from 1 without
/// looking replayed.</param>
/// <param name="Sequence">The publisher's counter within the incarnation, from 1; the replay window keys on it.</param>
/// <param name="Timestamp">When it was published, on the publisher's clock, to the millisecond.</param>
/// <param name="Topic">The topic name (<see cref="Topics.TopicName"/>).</param>
/// <param name="Payload">The application bytes; at most <see cref="EnvelopeLimits.MaxPayloadBytes"/>.</param>
/// <param name="Algorithm">How <paramref name="Signature"/> was made; <see cref="SignatureAlgorithm.None"/> before signing.</param>
/// <param name="Signature">The signature over the canonical signed bytes; empty before signing.</param>
public sealed record MeshEvent(
    EventId Id,
    string Source,
    ulong Incarnation,
    ulong Sequence,
    DateTimeOffset Timestamp,
    string Topic,
    ReadOnlyMemory<byte> Payload,
    SignatureAlgorithm Algorithm,
    ReadOnlyMemory<byte> Signature);
