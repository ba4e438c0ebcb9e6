namespace MeshActors.Views.Overlay;

/// <summary>One peer in <see cref="ViewsSnapshot"/>.</summary>
/// <param name="NodeId">Its node id.</param>
/// <param name="Address">Its Akka address.</param>
/// <param name="Score">Its score now (see <c>meshactors.overlay.scoring</c>).</param>
/// <param name="RttMs">The smoothed PING/PONG round trip in milliseconds; null until a PONG came back (passive peers are not pinged).</param>
/// <param name="Since">When it entered this view.</param>
public sealed record ViewPeer(string NodeId, string Address, double Score, double? RttMs, DateTimeOffset Since);

/// <summary>A peer banned from the views until <paramref name="Until"/>.</summary>
/// <param name="NodeId">Its node id.</param>
/// <param name="Address">Its Akka address.</param>
/// <param name="Until">When the ban ends.</param>
/// <param name="Reason">Why it was banned.</param>
public sealed record BannedPeer(string NodeId, string Address, DateTimeOffset Until, string Reason);

/// <summary>The limits the views keep (from <c>meshactors.overlay</c>).</summary>
/// <param name="ActiveTarget">The active view's target size.</param>
/// <param name="ActiveLow">Below it, passive peers are promoted at once.</param>
/// <param name="ActiveHigh">The active view's hard limit.</param>
/// <param name="PassiveSize">The passive view's size.</param>
/// <param name="MaxPeers">Connections kept at most (<c>max-peers</c>); above it the lowest-scored peer is pruned.</param>
/// <param name="MaxPerSubnet">Active peers per /24 (IPv4) or /48 (IPv6) at most.</param>
/// <param name="InboundPerSecond">New inbound links accepted per second.</param>
public sealed record ViewLimits(int ActiveTarget, int ActiveLow, int ActiveHigh, int PassiveSize, int MaxPeers, int MaxPerSubnet, double InboundPerSecond);

/// <summary>This node's overlay views as <c>GET /control/views</c> shows them.</summary>
/// <param name="Self">This node.</param>
/// <param name="Active">The active view: the links events travel over.</param>
/// <param name="Passive">The passive view: replacements.</param>
/// <param name="Banned">Peers banned now.</param>
/// <param name="Limits">The limits in force.</param>
/// <param name="Version">Grows by one with every change.</param>
public sealed record ViewsSnapshot(OverlayPeer Self, IReadOnlyList<ViewPeer> Active, IReadOnlyList<ViewPeer> Passive, IReadOnlyList<BannedPeer> Banned, ViewLimits Limits, long Version);
