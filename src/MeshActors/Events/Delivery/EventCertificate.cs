namespace MeshActors.Events.Delivery;

/// <summary>The answer to <see cref="EventCertificateMissing"/>: the source's certificate (DER).</summary>
/// <param name="From">The sending node.</param>
/// <param name="Source">The source node id.</param>
/// <param name="Certificate">Its certificate, DER.</param>
public sealed record EventCertificate(string From, string Source, ReadOnlyMemory<byte> Certificate) : IEventWire;
