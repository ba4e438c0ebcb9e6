namespace MeshActors.Events.Delivery;

/// <summary>
/// Every message event routers (<c>/user/mesh/events</c>) send each other over Akka.Remote, serialized
/// by <see cref="EventWireSerializer"/> (binary, bounded; layout in this folder's README). They carry
/// Plumtree's four messages plus the certificate exchange. Each names its sender's node id: the
/// receiver takes it as the Plumtree peer, and drops a message whose remote sender's address is not
/// the address of the overlay link with that id.
/// </summary>
public interface IEventWire
{
    /// <summary>The sending node's id.</summary>
    string From { get; }
}

/// <summary>Plumtree's payload message: an encoded, signed <c>MeshEvent</c> envelope.</summary>
/// <param name="From">The sending node.</param>
/// <param name="Id">Plumtree's message id: the event id's two halves XORed.</param>
/// <param name="Round">Hops the envelope has taken from its source.</param>
/// <param name="Envelope">The envelope bytes exactly as the source signed and encoded them.</param>
/// <param name="SourceCertificate">The source's certificate (DER) the first time this link carries
/// an event of that source with that certificate; empty otherwise.</param>
public sealed record EventGossip(string From, long Id, int Round, ReadOnlyMemory<byte> Envelope, ReadOnlyMemory<byte> SourceCertificate) : IEventWire;

/// <summary>Plumtree's lazy announcement: the sender has message <paramref name="Id"/>.</summary>
/// <param name="From">The sending node.</param>
/// <param name="Id">The message id.</param>
/// <param name="Round">Its round at the sender.</param>
public sealed record EventIHave(string From, long Id, int Round) : IEventWire;

/// <summary>Plumtree's repair: send message <paramref name="Id"/> and make this link eager.</summary>
/// <param name="From">The sending node.</param>
/// <param name="Id">The message id.</param>
/// <param name="Round">The round the announcement carried.</param>
public sealed record EventGraft(string From, long Id, int Round) : IEventWire;

/// <summary>Plumtree's prune: make this link lazy (the sender got a duplicate over it).</summary>
/// <param name="From">The sending node.</param>
public sealed record EventPrune(string From) : IEventWire;

/// <summary>The receiver of a gossip lacks the certificate of <paramref name="Source"/>: send it.</summary>
/// <param name="From">The sending node.</param>
/// <param name="Source">The source node id whose certificate is missing.</param>
public sealed record EventCertificateMissing(string From, string Source) : IEventWire;

/// <summary>The answer to <see cref="EventCertificateMissing"/>: the source's certificate (DER).</summary>
/// <param name="From">The sending node.</param>
/// <param name="Source">The source node id.</param>
/// <param name="Certificate">Its certificate, DER.</param>
public sealed record EventCertificate(string From, string Source, ReadOnlyMemory<byte> Certificate) : IEventWire;
