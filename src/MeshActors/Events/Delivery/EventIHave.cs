namespace MeshActors.Events.Delivery;

/// <summary>Plumtree's lazy announcement: the sender has message <paramref name="Id"/>.</summary>
/// <param name="From">The sending node.</param>
/// <param name="Id">The message id.</param>
/// <param name="Round">Its round at the sender.</param>
public sealed record EventIHave(string From, long Id, int Round) : IEventWire;
