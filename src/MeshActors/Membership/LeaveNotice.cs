using MeshActors.Transport;
using MeshActors.Transport.Wire;

namespace MeshActors.Membership;

/// <summary>What a leaving node must deliver: its left claim, and the live members to tell directly.</summary>
internal sealed record LeaveNotice(SwimGossip Notice, IReadOnlyList<NodeAddress> Recipients);
