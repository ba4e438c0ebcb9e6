using MeshActors.Security;

namespace MeshActors.Views.Overlay;

/// <summary>Which peer names a view manager accepts from the wire: a valid node id and the Akka address
/// of an ActorSystem named after this cluster (<c>akka.tcp://</c> or <c>akka.ssl.tcp://&lt;cluster&gt;@host:port</c>),
/// without a path. Anything else (another cluster, a path, a missing port) is refused before it can
/// enter a view, so a peer cannot make this node dial arbitrary endpoints.</summary>
internal static class PeerNames
{
    public static bool IsValid(OverlayPeer peer, string clusterId) =>
        MeshIdentity.IsValidId(peer.NodeId) && Pex.PeerAddress.IsOfCluster(peer.Address, clusterId, out _);

    /// <summary>Whether every peer <paramref name="message"/> names (a forward join's new node, a shuffle's sample) is valid.</summary>
    public static bool AllValid(HyParViewMessage<OverlayPeer> message, string clusterId) => message switch
    {
        HyParViewMessage<OverlayPeer>.ForwardJoin m => IsValid(m.NewNode, clusterId),
        HyParViewMessage<OverlayPeer>.Shuffle m => IsValid(m.Origin, clusterId) && m.Sample.All(p => IsValid(p, clusterId)),
        HyParViewMessage<OverlayPeer>.ShuffleReply m => m.Sample.All(p => IsValid(p, clusterId)),
        _ => true,
    };
}
