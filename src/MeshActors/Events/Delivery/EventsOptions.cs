using MeshActors.Configuration;

namespace MeshActors.Events.Delivery;

/// <summary><c>meshactors.events</c>: signed, interest-based events over the overlay.
/// Every setting is documented in <c>hocon/reference.conf</c>.</summary>
public sealed record EventsOptions
{
    internal static EventsOptions Bind(ConfigReader r) => new();
}
