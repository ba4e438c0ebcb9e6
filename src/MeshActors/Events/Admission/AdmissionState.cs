using MeshActors.Events.Envelope;

namespace MeshActors.Events.Admission;

/// <summary>
/// What admission remembers between events: the <see cref="SeenCache"/> of event ids and the
/// <see cref="ReplayWindows"/> of sources, both fixed-capacity. Only <see cref="Record"/> changes it,
/// and only admitted events are recorded, so nothing unverified can fill it. Owned by one actor.
/// </summary>
public sealed class AdmissionState
{
    /// <summary>Empty state sized by <paramref name="settings"/>.</summary>
    /// <exception cref="ArgumentException">The settings are not valid.</exception>
    public AdmissionState(AdmissionSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var errors = settings.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("invalid admission settings: " + string.Join("; ", errors), nameof(settings));
        }

        Seen = new SeenCache(settings.SeenCacheCapacity);
        Windows = new ReplayWindows(settings.MaxSources);
    }

    /// <summary>The ids of recently admitted events.</summary>
    public SeenCache Seen { get; }

    /// <summary>The replay window of each recent source.</summary>
    public ReplayWindows Windows { get; }

    /// <summary>Remembers an admitted event: its id, and its sequence in its source's window.</summary>
    /// <exception cref="ArgumentException">The event's sequence is not fresh (it was not admitted).</exception>
    public void Record(MeshEvent @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        var window = Windows.Get(@event.Source).Accept(@event.Incarnation, @event.Sequence);
        Seen.Add(@event.Id);
        Windows.Set(@event.Source, window);
    }
}
