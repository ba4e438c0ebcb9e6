extern alias mesh;

using Akka.Actor;
using mesh::MeshActors.Events.Delivery;
using mesh::MeshActors.Views.Wire;

namespace MeshActors.Benchmarks.PubSub;

/// <summary>
/// MeshActors' event wire (<see cref="IEventWire"/>, its own serializer id 9714), counted: an
/// <see cref="EventGossip"/> carries the signed envelope, so the payload; IHAVE, GRAFT, PRUNE and
/// the certificate exchange do not.
/// </summary>
internal sealed class CountingEventWireSerializer(ExtendedActorSystem system)
    : CountingSerializer(system, new EventWireSerializer(system), isPayload: false)
{
    /// <inheritdoc />
    public override int Identifier => 7404;

    /// <inheritdoc />
    protected override bool CarriesPayload(object message) => message is EventGossip;
}

/// <summary>MeshActors' overlay wire (<see cref="IOverlayWire"/>: HyParView, pings, peer exchange; serializer id 9713), counted as background.</summary>
internal sealed class CountingOverlaySerializer(ExtendedActorSystem system)
    : CountingSerializer(system, new OverlaySerializer(system), isPayload: false)
{
    /// <inheritdoc />
    public override int Identifier => 7405;
}
