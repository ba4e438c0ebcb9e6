using Akka.Actor;
using MeshActors.Bootstrap;
using MeshActors.Diagnostics;
using MeshActors.Membership;
using MeshActors.Randomness;
using Microsoft.Extensions.Logging;

namespace MeshActors.Views.Overlay;

/// <summary>What a <see cref="ViewManager"/> is made with.</summary>
/// <param name="Self">This node in the overlay.</param>
/// <param name="ClusterId">The cluster id: peers' Akka addresses must name it as their system.</param>
/// <param name="Options"><c>meshactors.overlay</c>.</param>
/// <param name="Views">Where the views are published.</param>
/// <param name="Membership">Cluster members: contacts when discovery gave none.</param>
/// <param name="Bootstrap">The contact points discovery found and what they answered: the first contacts.</param>
/// <param name="Metrics">The overlay's metrics.</param>
/// <param name="Audit">Where bans and refusals are audited.</param>
/// <param name="Log">The log.</param>
/// <param name="Time">The clock.</param>
/// <param name="Random">The random source for the handlers and contact choice.</param>
/// <param name="Pex">The peer-exchange responder.</param>
/// <param name="PeerCache">Where scores and bans persist; null when the peer cache is off.</param>
internal sealed record ViewManagerSettings(
    OverlayPeer Self,
    string ClusterId,
    OverlayOptions Options,
    MeshViews Views,
    ClusterMembership Membership,
    BootstrapStatus Bootstrap,
    ViewMetrics Metrics,
    IAuditSink Audit,
    ILogger Log,
    TimeProvider Time,
    IRandomSource Random,
    IActorRef Pex,
    Discovery.PeerCache.PeerCacheStore? PeerCache);
