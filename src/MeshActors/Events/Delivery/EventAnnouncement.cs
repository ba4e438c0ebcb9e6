namespace MeshActors.Events.Delivery;

/// <summary>One announcement in an <see cref="EventIHaveBatch"/>: the sender has message <paramref name="Id"/>.</summary>
/// <param name="Id">The message id.</param>
/// <param name="Round">Its round at the sender.</param>
public readonly record struct EventAnnouncement(long Id, int Round);
