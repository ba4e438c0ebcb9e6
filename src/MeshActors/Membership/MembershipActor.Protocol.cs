using System.Threading.Channels;
using MeshActors.Actors;
using MeshActors.Transport;

namespace MeshActors.Membership;

internal sealed partial class MembershipActor
{
    /// <summary>The messages the membership actor understands.</summary>
    public static class Protocol
    {
        /// <summary>Base of every message to the membership actor.</summary>
        public abstract record Message;

        /// <summary>A membership message from a peer, as the transport delivered it.</summary>
        public sealed record Inbound(InboundMessage Message) : Message;

        /// <summary>Asks for the current member list.</summary>
        public sealed record GetSnapshot(IActorRef<MembershipSnapshot> ReplyTo) : Message;

        /// <summary>Subscribes to member updates; the first update read is the current list.</summary>
        public sealed record Subscribe(IActorRef<ChannelReader<MembershipUpdate>> ReplyTo) : Message;

        /// <summary>Marks this node left, stops probing, tells the live members, and answers with how many acknowledged.</summary>
        public sealed record Leave(IActorRef<int> ReplyTo) : Message;

        /// <summary>The bootstrap decided this node forms a new cluster (only while waiting for that decision).</summary>
        public sealed record Form : Message
        {
            /// <summary>The one instance.</summary>
            public static readonly Form Instance = new();
        }

        /// <summary>The bootstrap found an existing cluster: join it through <paramref name="Seeds"/>
        /// (replaces the seeds of an ongoing join; ignored once up).</summary>
        public sealed record JoinThrough(IReadOnlyList<NodeAddress> Seeds) : Message;

        /// <summary>Starts a push-pull with a member of this cluster that this node may not know
        /// (a manual introduction, or a partition that outlived the tombstones). Ignored unless up,
        /// and when <paramref name="NodeId"/> is already a live member.</summary>
        public sealed record Introduce(NodeAddress Address, string? NodeId) : Message;

        /// <summary>Announces new metadata at a higher incarnation; answers with this node's new record.</summary>
        public sealed record UpdateMetadata(MemberMetadata Metadata, IActorRef<Member> ReplyTo) : Message;
    }

    private sealed record ProbeTick : Protocol.Message
    {
        public static readonly ProbeTick Instance = new();
    }

    private sealed record ProbeTimeout(ulong Sequence) : Protocol.Message
    {
        public static readonly object Key = new();
    }

    private sealed record LeaveAnswered(bool Acknowledged) : Protocol.Message;

    private sealed record JoinAnswered(NodeAddress Seed, Transport.Wire.SwimPushPull Reply) : Protocol.Message;

    private sealed record RelayTimeout(ulong Sequence) : Protocol.Message;

    private sealed record SuspicionTimeout(string NodeId, ulong Incarnation) : Protocol.Message;

    private sealed record GossipTick : Protocol.Message
    {
        public static readonly GossipTick Instance = new();
    }

    private sealed record PushPullTick : Protocol.Message
    {
        public static readonly PushPullTick Instance = new();
    }

    private sealed record JoinTick : Protocol.Message
    {
        public static readonly JoinTick Instance = new();
    }

    private sealed record GcTick : Protocol.Message
    {
        public static readonly GcTick Instance = new();
    }
}
