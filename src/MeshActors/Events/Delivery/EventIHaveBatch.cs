using System.Collections.Immutable;

namespace MeshActors.Events.Delivery;

/// <summary>Several of Plumtree's lazy announcements to one neighbour in one message: the router
/// queues IHAVEs per link for <c>plumtree.ihave-batch-interval</c> and sends them together (the
/// paper's suggestion), so a busy tree pays one message per link per interval, not one per event.</summary>
/// <param name="From">The sending node.</param>
/// <param name="Announcements">The announced events, 2 to <see cref="EventWireSerializer.MaxAnnouncements"/>.</param>
public sealed record EventIHaveBatch(string From, ImmutableArray<EventAnnouncement> Announcements) : IEventWire;
