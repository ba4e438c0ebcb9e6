using Akka.Actor;

namespace MeshActors.Views.Overlay;

/// <summary>Sent to the view manager (<c>/user/mesh/views</c>): tell <paramref name="Subscriber"/>
/// an <see cref="OverlayLinkUp"/> for every active neighbour now, then every change of the active
/// view, until the subscriber stops (it is watched).</summary>
/// <param name="Subscriber">Who hears the changes (the event router).</param>
public sealed record SubscribeLinks(IActorRef Subscriber);

/// <summary>A peer entered this node's active view: events may be sent to it.</summary>
/// <param name="Peer">The neighbour.</param>
public sealed record OverlayLinkUp(OverlayPeer Peer);

/// <summary>A peer left this node's active view (disconnected, failed, pruned or banned).</summary>
/// <param name="Peer">The former neighbour.</param>
/// <param name="Failed">True when the link broke (the peer died or stopped answering), false when it was closed on purpose.</param>
public sealed record OverlayLinkDown(OverlayPeer Peer, bool Failed);

/// <summary>Sent by the event router to the view manager when a neighbour misbehaved on the event
/// plane (bad signature, malformed message, flood): it lowers that peer's score.</summary>
/// <param name="Peer">The neighbour.</param>
/// <param name="Reason">What it did, for the audit event.</param>
public sealed record OverlayPeerMisbehaved(OverlayPeer Peer, string Reason);
