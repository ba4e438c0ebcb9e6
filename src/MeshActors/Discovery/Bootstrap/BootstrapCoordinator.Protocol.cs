using MeshActors.Actors;
using MeshActors.Transport;
using MeshActors.Transport.Wire;

namespace MeshActors.Discovery.Bootstrap;

internal sealed partial class BootstrapCoordinator
{
    /// <summary>The messages the bootstrap coordinator understands.</summary>
    public static class Protocol
    {
        /// <summary>Base of every message to the bootstrap coordinator.</summary>
        public abstract record Message;

        /// <summary>A provider's run finished.</summary>
        public sealed record Found(ContactPointsFound Result) : Message;

        /// <summary>A manual introduction, kept as a static contact point. The introduction already
        /// probed it: <paramref name="Answer"/> (or <paramref name="Error"/>) is taken as this
        /// contact's latest probe, so it is not dialled twice.</summary>
        public sealed record AddManual(ContactPoint Point, BootstrapInfo? Answer, string? Error) : Message;

        /// <summary>Forgets manual contact points whose node id or address is <paramref name="Key"/>; answers whether any was removed.</summary>
        public sealed record RemoveManual(string Key, IActorRef<bool> ReplyTo) : Message;

        /// <summary>This node's membership became up.</summary>
        public sealed record MembershipUp : Message
        {
            /// <summary>The one instance.</summary>
            public static readonly MembershipUp Instance = new();
        }
    }

    private sealed record ProbeTick : Protocol.Message
    {
        public static readonly ProbeTick Instance = new();
    }

    private sealed record HealTick : Protocol.Message
    {
        public static readonly HealTick Instance = new();
    }

    private sealed record Dial(NodeAddress Address) : Protocol.Message;

    private sealed record Answered(NodeAddress Address, BootstrapInfo? Info, string? Error) : Protocol.Message;
}
