using MeshActors.Events.Envelope;
using MeshActors.Sharding;

namespace MeshActors.Events.Etiquette;

/// <summary>
/// How long a node waits before replying to a mesh-wide event, so that N replies spread evenly over
/// a window instead of arriving at once. The delay is a pure function of (node id, event id): every
/// node computes its own without coordination, the same on every run and version, and a different
/// event reshuffles the order, so no node is always first.
/// <code>
/// h      = StableHash.Combine(StableHash.Of(nodeId), StableHash.Combine(eventId.High, eventId.Low))
/// offset = ⌊h · window.Ticks / 2⁶⁴⌋ ticks            (in [0, window))
/// </code>
/// The multiply-shift maps the 64-bit hash onto [0, window) exactly, without the rounding of a
/// floating-point scale; <see cref="StableHash"/> is the hash shard placement pins by test vectors.
/// </summary>
public static class BurstEtiquette
{
    /// <summary>The reply delay of <paramref name="nodeId"/> for <paramref name="eventId"/>: in [0, <paramref name="window"/>); zero for a zero window.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="window"/> is negative.</exception>
    public static TimeSpan Offset(string nodeId, EventId eventId, TimeSpan window)
    {
        ArgumentNullException.ThrowIfNull(nodeId);
        ArgumentOutOfRangeException.ThrowIfLessThan(window, TimeSpan.Zero);
        var hash = StableHash.Combine(StableHash.Of(nodeId), StableHash.Combine(eventId.High, eventId.Low));
        var ticks = Math.BigMul(hash, (ulong)window.Ticks, out _);
        return TimeSpan.FromTicks((long)ticks);
    }
}
