namespace MeshActors.Events.Delivery;

/// <summary>Plumtree's repair: send message <paramref name="Id"/> and make this link eager.</summary>
/// <param name="From">The sending node.</param>
/// <param name="Id">The message id.</param>
/// <param name="Round">The round the announcement carried.</param>
public sealed record EventGraft(string From, long Id, int Round) : IEventWire;
