using Akka.Actor;
using MeshActors.Diagnostics;
using MeshActors.Events.Envelope;
using MeshActors.Events.Topics;
using MeshActors.Views.Overlay;
using ILogger = Microsoft.Extensions.Logging.ILogger;

namespace MeshActors.Events.Delivery;

/// <summary>The router's messages from <see cref="MeshEvents"/> and its settings.</summary>
internal sealed partial class EventRouter
{
    /// <summary>What the router is told by this node.</summary>
    internal static class Protocol
    {
        /// <summary>Publish an event with id <paramref name="Id"/> (validated by <see cref="MeshEvents"/>).</summary>
        public sealed record Publish(EventId Id, string Topic, ReadOnlyMemory<byte> Payload);

        /// <summary>Hand events matching <paramref name="Pattern"/> to <paramref name="Sink"/> until unsubscribed.</summary>
        public sealed record Subscribe(string SubscriptionId, TopicPattern Pattern, IEventSink Sink);

        /// <summary>End a subscription.</summary>
        public sealed record Unsubscribe(string SubscriptionId);

        /// <summary>A Plumtree or certificate-wait timer is due.</summary>
        /// <summary>Time to send the queued IHAVEs (<c>plumtree.ihave-batch-interval</c>).</summary>
        public sealed record FlushAnnouncements
        {
            public static readonly FlushAnnouncements Instance = new();
        }

        public sealed record Tick
        {
            public static readonly Tick Instance = new();
        }
    }

    /// <summary>What the router needs.</summary>
    /// <param name="NodeId">This node's id.</param>
    /// <param name="Options">meshactors.events.</param>
    /// <param name="Identity">The signing certificate and the rule for sources' certificates.</param>
    /// <param name="Views">The view manager, told <see cref="SubscribeLinks"/> and <see cref="OverlayPeerMisbehaved"/>.</param>
    /// <param name="Metrics">The event metrics.</param>
    /// <param name="Audit">Where drops are audited.</param>
    /// <param name="Log">The log.</param>
    /// <param name="Time">The clock.</param>
    /// <param name="Resolve">How a neighbour's router is reached; by default an ActorSelection of <c>{address}/user/mesh/events</c>.</param>
    public sealed record Settings(
        string NodeId,
        EventsOptions Options,
        EventSigningIdentity Identity,
        ICanTell Views,
        EventMetrics Metrics,
        IAuditSink Audit,
        ILogger Log,
        TimeProvider Time,
        Func<OverlayPeer, ICanTell>? Resolve = null);
}
