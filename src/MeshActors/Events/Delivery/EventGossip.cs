namespace MeshActors.Events.Delivery;

/// <summary>Plumtree's payload message: an encoded, signed <c>MeshEvent</c> envelope.</summary>
/// <param name="From">The sending node.</param>
/// <param name="Id">Plumtree's message id: the event id's two halves XORed.</param>
/// <param name="Round">Hops the envelope has taken from its source.</param>
/// <param name="Envelope">The envelope bytes exactly as the source signed and encoded them.</param>
/// <param name="SourceCertificate">The source's certificate (DER) the first time this link carries
/// an event of that source with that certificate; empty otherwise.</param>
public sealed record EventGossip(string From, long Id, int Round, ReadOnlyMemory<byte> Envelope, ReadOnlyMemory<byte> SourceCertificate) : IEventWire;
