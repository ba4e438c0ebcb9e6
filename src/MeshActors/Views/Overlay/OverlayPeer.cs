namespace MeshActors.Views.Overlay;

/// <summary>
/// A peer in the overlay: its MeshActors node id and the Akka address of its ActorSystem
/// (<c>akka.ssl.tcp://cluster@host:port</c>), where its <c>/user/mesh/views</c> and
/// <c>/user/mesh/events</c> actors live. Two peers are the same peer when both fields are equal.
/// </summary>
/// <param name="NodeId">The peer's node id (<c>meshactors.node.id</c>).</param>
/// <param name="Address">The peer's Akka address, without a path.</param>
public readonly record struct OverlayPeer(string NodeId, string Address)
{
    /// <inheritdoc />
    public override string ToString() => $"{NodeId}@{Address}";
}
