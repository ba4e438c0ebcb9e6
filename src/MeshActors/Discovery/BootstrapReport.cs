using MeshActors.Discovery.Bootstrap;

namespace MeshActors.Discovery;

/// <summary>The bootstrap's state and its reasons.</summary>
/// <param name="State">Seeking, joining, forming or joined.</param>
/// <param name="Reason">The latest decision's reason (why it waits, whom it joins, why it formed).</param>
/// <param name="Decision">The decision that put this node in its cluster; null while seeking.</param>
/// <param name="DecidedAt">When that decision was made.</param>
/// <param name="UpAfter">Time from the node's start to being in a cluster; null until then.</param>
/// <param name="Contacts">Every known contact point.</param>
public sealed record BootstrapReport(BootstrapState State, string Reason, BootstrapVerdict? Decision, DateTimeOffset? DecidedAt, TimeSpan? UpAfter, IReadOnlyList<ContactStatus> Contacts);
