namespace MeshActors.Events.Delivery;

/// <summary>Plumtree's prune: make this link lazy (the sender got a duplicate over it).</summary>
/// <param name="From">The sending node.</param>
public sealed record EventPrune(string From) : IEventWire;
