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
