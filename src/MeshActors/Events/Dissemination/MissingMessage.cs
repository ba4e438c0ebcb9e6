using System.Collections.Immutable;

namespace MeshActors.Events.Dissemination;

/// <summary>A message announced by IHAVE but not received: who announced it, in order, and when
/// the timer fires (then the first announcer is grafted).</summary>
/// <typeparam name="TPeer">A peer's identity.</typeparam>
/// <param name="Announcers">The peers that announced it, with the round each announced, oldest first.</param>
/// <param name="Deadline">When the timer fires, on the driver's monotonic clock.</param>
public sealed record MissingMessage<TPeer>(ImmutableQueue<(TPeer Peer, int Round)> Announcers, TimeSpan Deadline)
    where TPeer : notnull, IEquatable<TPeer>;
