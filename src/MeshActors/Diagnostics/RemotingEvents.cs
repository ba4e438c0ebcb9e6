using Akka.Actor;
using Akka.Remote;

namespace MeshActors.Diagnostics;

/// <summary>Counts Akka.Remote's association lifecycle events (published on the event stream)
/// into <c>meshactors_remoting_events_total{event}</c>. Akka.Remote offers no per-message hook,
/// so associations, disassociations and association errors are what is counted.</summary>
internal sealed class RemotingEvents : ReceiveActor
{
    public RemotingEvents(NodeMetrics metrics)
    {
        Receive<AssociatedEvent>(e => metrics.RemotingEvents.WithLabels(e.IsInbound ? "associated_inbound" : "associated_outbound").Inc());
        Receive<DisassociatedEvent>(_ => metrics.RemotingEvents.WithLabels("disassociated").Inc());
        Receive<AssociationErrorEvent>(_ => metrics.RemotingEvents.WithLabels("association_error").Inc());
        Receive<RemotingLifecycleEvent>(_ => { });
    }

    protected override void PreStart() => Context.System.EventStream.Subscribe(Self, typeof(RemotingLifecycleEvent));

    protected override void PostStop() => Context.System.EventStream.Unsubscribe(Self);
}
