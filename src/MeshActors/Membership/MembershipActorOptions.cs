using MeshActors.Transport;

namespace MeshActors.Membership;

/// <summary>Everything a membership actor is built from.</summary>
internal sealed record MembershipActorOptions
{
    public required string NodeId { get; init; }

    public required ITransport Transport { get; init; }

    public required MembershipSettings Settings { get; init; }

    public required MemberMetadata Metadata { get; init; }

    public IReadOnlyList<NodeAddress> Seeds { get; init; } = [];

    /// <summary>The incarnation to start at. A restarted node starts at 0 and refutes whatever
    /// the cluster remembers of its previous life.</summary>
    public ulong InitialIncarnation { get; init; }

    /// <summary>Members to start with, already agreed (benchmarks of large clusters); null to join normally.</summary>
    public IReadOnlyList<Member>? WarmStart { get; init; }

    /// <summary>Whether to wait, seeds or not, until the bootstrap says <see cref="MembershipActor.Protocol.Form"/>
    /// or <see cref="MembershipActor.Protocol.JoinThrough"/>. While waiting the node is in no cluster:
    /// it answers bootstrap queries and ignores membership traffic.</summary>
    public bool AwaitBootstrap { get; init; }

    /// <summary>Called on the membership actor when this node becomes up (formed or joined).</summary>
    public Action? OnUp { get; init; }

    public MembershipEvents Events { get; init; } = new();

    public MembershipStats Stats { get; init; } = new();
}
